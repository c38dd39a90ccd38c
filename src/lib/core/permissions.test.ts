import { describe, expect, it } from 'vitest';
import { actions, can, canAnywhere, grantableRoles, type Action, type Actor, type Resource } from './permissions.ts';
import { roles, type Role } from './org-types.ts';

// A small organisation: network 10 holds libraries 100 and 101; library 100 is in municipality 20,
// library 101 in municipality 21. Library 200 (municipality 22) is outside the network.
const inNetwork: Resource = { type: 'library', id: 100, municipalityIds: [20], networkIds: [10] };
const sibling: Resource = { type: 'library', id: 101, municipalityIds: [21], networkIds: [10] };
const outside: Resource = { type: 'library', id: 200, municipalityIds: [22], networkIds: [] };
const network: Resource = { type: 'network', id: 10 };
const otherNetwork: Resource = { type: 'network', id: 11 };
const municipality: Resource = { type: 'municipality', id: 20, networkIds: [10] };
const global: Resource = { type: 'global' };

function actor(role: Role, scopeType: 'global' | 'network' | 'municipality' | 'library', scopeId: number | null): Actor {
	return { id: 1, email: 'a@example.fi', displayName: 'A', locale: 'fi', grants: [{ role, scopeType, scopeId }] };
}

/** The expected matrix, written out by hand: role → action → which resources it reaches. */
const scopes = {
	admin: actor('admin', 'global', null),
	coordinator: actor('coordinator', 'network', 10),
	director: actor('director', 'municipality', 20),
	staff: actor('staff', 'library', 100),
	observer: actor('observer', 'library', 100)
} satisfies Record<Role, Actor>;

const resources = { global, network, otherNetwork, municipality, inNetwork, sibling, outside };
type ResourceName = keyof typeof resources;
const all = Object.keys(resources) as ResourceName[];

const expected: Record<Role, Record<Action, ResourceName[]>> = {
	admin: Object.fromEntries(actions.map((a) => [a, all])) as Record<Action, ResourceName[]>,
	coordinator: {
		'org.view': ['network', 'municipality', 'inNetwork', 'sibling'],
		'org.manage': [],
		'user.view': ['network', 'municipality', 'inNetwork', 'sibling'],
		'user.manage': ['network', 'municipality', 'inNetwork', 'sibling'],
		'audit.view': [],
		'mail.view': [],
		'study.view': ['network', 'municipality', 'inNetwork', 'sibling'],
		'study.manage': ['network', 'municipality', 'inNetwork', 'sibling'],
		'response.view': ['network', 'municipality', 'inNetwork', 'sibling'],
		'response.delete': ['network', 'municipality', 'inNetwork', 'sibling'],
		'response.enter': ['network', 'municipality', 'inNetwork', 'sibling'],
		'report.view': ['network', 'municipality', 'inNetwork', 'sibling'],
		'report.manage': ['network', 'municipality', 'inNetwork', 'sibling'],
		'response.export': ['network', 'municipality', 'inNetwork', 'sibling']
	},
	director: {
		'org.view': ['municipality', 'inNetwork'],
		'org.manage': [],
		'user.view': ['municipality', 'inNetwork'],
		'user.manage': [],
		'audit.view': [],
		'mail.view': [],
		'study.view': ['municipality', 'inNetwork'],
		'study.manage': [],
		'response.view': [],
		'response.delete': [],
		'response.enter': ['municipality', 'inNetwork'],
		'report.view': ['municipality', 'inNetwork'],
		'report.manage': [],
		'response.export': []
	},
	staff: {
		'org.view': ['inNetwork'],
		'org.manage': [],
		'user.view': [],
		'user.manage': [],
		'audit.view': [],
		'mail.view': [],
		'study.view': ['inNetwork'],
		'study.manage': [],
		'response.view': [],
		'response.delete': [],
		'response.enter': ['inNetwork'],
		'report.view': ['inNetwork'],
		'report.manage': [],
		'response.export': []
	},
	observer: {
		'org.view': [],
		'org.manage': [],
		'user.view': [],
		'user.manage': [],
		'audit.view': [],
		'mail.view': [],
		'study.view': [],
		'study.manage': [],
		'response.view': [],
		'response.delete': [],
		'response.enter': [],
		'report.view': [],
		'report.manage': [],
		'response.export': []
	}
};

describe('can', () => {
	for (const role of roles) {
		for (const action of actions) {
			for (const name of all) {
				const allowed = expected[role][action].includes(name);
				it(`${allowed ? 'lets' : 'stops'} ${role} ${action} on ${name}`, () => {
					expect(can(scopes[role], action, resources[name])).toBe(allowed);
				});
			}
		}
	}

	it('lets nobody do anything when signed out', () => {
		for (const action of actions) expect(can(null, action, global)).toBe(false);
	});

	it('combines grants: a director of two libraries sees both and nothing else', () => {
		const twoLibraries: Actor = {
			...scopes.director,
			grants: [
				{ role: 'director', scopeType: 'library', scopeId: 100 },
				{ role: 'director', scopeType: 'library', scopeId: 200 }
			]
		};
		expect(can(twoLibraries, 'org.view', inNetwork)).toBe(true);
		expect(can(twoLibraries, 'org.view', outside)).toBe(true);
		expect(can(twoLibraries, 'org.view', sibling)).toBe(false);
	});
});

describe('grantableRoles', () => {
	it('lets an admin hand out every role', () => {
		expect(grantableRoles(scopes.admin, outside)).toEqual([...roles]);
	});

	it('lets a coordinator hand out only roles below their own, inside their network', () => {
		expect(grantableRoles(scopes.coordinator, inNetwork)).toEqual(['director', 'staff', 'observer']);
		expect(grantableRoles(scopes.coordinator, outside)).toEqual([]);
	});

	it('lets directors, staff and observers hand out nothing', () => {
		for (const role of ['director', 'staff', 'observer'] as const) {
			expect(grantableRoles(scopes[role], inNetwork)).toEqual([]);
		}
	});
});

describe('canAnywhere', () => {
	it('shows study building to coordinators and admins, and paper entry to every role but observers', () => {
		expect(roles.filter((role) => canAnywhere(scopes[role], 'study.manage'))).toEqual(['admin', 'coordinator']);
		expect(roles.filter((role) => canAnywhere(scopes[role], 'response.enter'))).toEqual(['admin', 'coordinator', 'director', 'staff']);
	});

	it('shows user administration to coordinators and admins only', () => {
		expect(roles.filter((role) => canAnywhere(scopes[role], 'user.manage'))).toEqual(['admin', 'coordinator']);
	});
});
