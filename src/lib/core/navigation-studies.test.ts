import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';
import type { Actor, Grant } from './permissions.ts';

const actor = (grants: Grant[]): Actor => ({ id: 1, email: 'a@x.fi', displayName: 'A', locale: 'fi', grants });
const hrefs = (a: Actor | null) => navigationFor(a).map((item) => item.href);

describe('study entries of the main menu', () => {
	it('shows studies to everyone who may view one and the builder to those who may build', () => {
		expect(hrefs(actor([{ role: 'admin', scopeType: 'global', scopeId: null }]))).toEqual(expect.arrayContaining(['/studies', '/instruments']));
		expect(hrefs(actor([{ role: 'coordinator', scopeType: 'network', scopeId: 1 }]))).toEqual(expect.arrayContaining(['/studies', '/instruments']));
		for (const role of ['director', 'staff'] as const) {
			const items = hrefs(actor([{ role, scopeType: 'library', scopeId: 1 }]));
			expect(items).toContain('/studies');
			expect(items).not.toContain('/instruments');
		}
	});

	it('shows observers and visitors neither', () => {
		for (const a of [actor([{ role: 'observer', scopeType: 'network', scopeId: 1 }]), null]) {
			expect(hrefs(a).filter((href) => href === '/studies' || href === '/instruments')).toEqual([]);
		}
	});
});
