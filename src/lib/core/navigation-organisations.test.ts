import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation.ts';
import type { Actor, Grant } from './permissions.ts';

const actor = (grants: Grant[]): Actor => ({ id: 1, email: 'a@x.fi', displayName: 'A', locale: 'fi', grants });
const hasOrganisations = (a: Actor | null) => navigationFor(a).some((item) => item.href === '/admin/organisations');

describe('organisation entry of the main menu', () => {
	it('shows organisations to everyone who may view a unit: admins, coordinators, directors, staff', () => {
		expect(hasOrganisations(actor([{ role: 'admin', scopeType: 'global', scopeId: null }]))).toBe(true);
		expect(hasOrganisations(actor([{ role: 'coordinator', scopeType: 'network', scopeId: 1 }]))).toBe(true);
		expect(hasOrganisations(actor([{ role: 'director', scopeType: 'municipality', scopeId: 1 }]))).toBe(true);
		expect(hasOrganisations(actor([{ role: 'staff', scopeType: 'library', scopeId: 1 }]))).toBe(true);
	});

	it('hides organisations from observers and visitors', () => {
		expect(hasOrganisations(actor([{ role: 'observer', scopeType: 'network', scopeId: 1 }]))).toBe(false);
		expect(hasOrganisations(null)).toBe(false);
	});
});
