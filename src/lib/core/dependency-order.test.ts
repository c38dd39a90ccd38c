import { describe, expect, it } from 'vitest';
import { dependencyOrder } from './dependency-order.ts';

describe('dependencyOrder', () => {
	it('puts every item after the items it depends on', () => {
		const result = dependencyOrder(['user_grant', 'library', 'app_user', 'network_library', 'network'], {
			user_grant: ['app_user'],
			network_library: ['network', 'library']
		});
		expect(result).toEqual({ ok: true, order: ['library', 'app_user', 'user_grant', 'network', 'network_library'] });
	});

	it('follows chains of any length', () => {
		expect(dependencyOrder(['c', 'b', 'a'], { c: ['b'], b: ['a'] })).toEqual({ ok: true, order: ['a', 'b', 'c'] });
	});

	it('ignores self-references and references to items outside the list', () => {
		expect(dependencyOrder(['node', 'leaf'], { node: ['node', 'elsewhere'], leaf: ['node'] })).toEqual({
			ok: true,
			order: ['node', 'leaf']
		});
	});

	it('reports the items caught in a cycle', () => {
		expect(dependencyOrder(['a', 'b', 'c', 'free'], { a: ['c'], b: ['a'], c: ['b'] })).toEqual({
			ok: false,
			cycle: ['a', 'b', 'c']
		});
	});
});
