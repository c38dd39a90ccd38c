import { describe, expect, it } from 'vitest';
import { grantShapeProblem, parseGrantSpec } from './grant-spec.ts';

describe('parseGrantSpec', () => {
	it('reads a global admin grant', () => {
		expect(parseGrantSpec('admin:global')).toEqual({ ok: true, grant: { role: 'admin', scopeType: 'global', scopeKey: null } });
	});

	it('reads a scoped grant with its key', () => {
		expect(parseGrantSpec('staff:library:tampere-metso')).toEqual({
			ok: true,
			grant: { role: 'staff', scopeType: 'library', scopeKey: 'tampere-metso' }
		});
	});

	it.each([
		['unknown role', 'boss:global'],
		['admin over a unit', 'admin:network:pike'],
		['a scoped role without a scope', 'coordinator:global'],
		['a missing key', 'director:municipality'],
		['an unknown scope type', 'staff:region:x'],
		['trailing parts', 'staff:library:a:b']
	])('refuses %s', (_name, text) => {
		expect(parseGrantSpec(text).ok).toBe(false);
	});
});

describe('grantShapeProblem', () => {
	it('keeps admin global and every other role scoped', () => {
		expect(grantShapeProblem('admin', 'global')).toBeNull();
		expect(grantShapeProblem('admin', 'library')).toBe('grant_admin_global_only');
		expect(grantShapeProblem('observer', 'network')).toBeNull();
		expect(grantShapeProblem('observer', 'global')).toBe('grant_scope_required');
	});
});
