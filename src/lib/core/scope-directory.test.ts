import { describe, expect, it } from 'vitest';
import { grantChoices, mayGrant, mayManageUser, resourceOf, scopesWhere, unitName, type ScopeDirectory } from './scope-directory.ts';
import type { Actor } from './permissions.ts';

// Network 1 holds library 10 (municipality 5); library 11 (municipality 6) is outside it.
const directory: ScopeDirectory = {
	networks: [
		{ id: 1, key: 'pike', nameFi: 'PiKe', nameSv: null },
		{ id: 2, key: 'kyyti', nameFi: 'Kyyti', nameSv: null }
	],
	municipalities: [
		{ id: 5, key: 'tampere', nameFi: 'Tampere', nameSv: 'Tammerfors', networkIds: [1] },
		{ id: 6, key: 'kotka', nameFi: 'Kotka', nameSv: null, networkIds: [] }
	],
	libraries: [
		{ id: 10, key: 'metso', nameFi: 'Metso', nameSv: null, municipalityIds: [5], networkIds: [1] },
		{ id: 11, key: 'kotka-main', nameFi: 'Kotkan pääkirjasto', nameSv: null, municipalityIds: [6], networkIds: [] }
	]
};

const coordinator: Actor = {
	id: 1,
	email: 'c@x.fi',
	displayName: 'C',
	locale: 'fi',
	grants: [{ role: 'coordinator', scopeType: 'network', scopeId: 1 }]
};
const admin: Actor = { ...coordinator, grants: [{ role: 'admin', scopeType: 'global', scopeId: null }] };

describe('scope directory', () => {
	it('turns a library grant into a resource with its memberships', () => {
		expect(resourceOf(directory, { scopeType: 'library', scopeId: 10 })).toEqual({
			type: 'library',
			id: 10,
			municipalityIds: [5],
			networkIds: [1]
		});
	});

	it('gives no resource for a unit that is gone', () => {
		expect(resourceOf(directory, { scopeType: 'network', scopeId: 99 })).toBeNull();
	});

	it('lists the scopes a coordinator manages: their network and what it holds', () => {
		expect([...scopesWhere(coordinator, directory, 'user.manage')].sort()).toEqual(['library:10', 'municipality:5', 'network:1']);
	});

	it('lets a coordinator grant staff inside the network only, and never coordinator or admin', () => {
		expect(mayGrant(coordinator, directory, 'staff', { scopeType: 'library', scopeId: 10 })).toBe(true);
		expect(mayGrant(coordinator, directory, 'staff', { scopeType: 'library', scopeId: 11 })).toBe(false);
		expect(mayGrant(coordinator, directory, 'coordinator', { scopeType: 'network', scopeId: 1 })).toBe(false);
		expect(mayGrant(coordinator, directory, 'admin', { scopeType: 'global', scopeId: null })).toBe(false);
		expect(mayGrant(admin, directory, 'admin', { scopeType: 'global', scopeId: null })).toBe(true);
	});

	it('names units in Swedish where a Swedish name exists', () => {
		expect(unitName(directory.municipalities[0]!, 'sv')).toBe('Tammerfors');
		expect(unitName(directory.municipalities[1]!, 'sv')).toBe('Kotka');
		expect(unitName(directory.municipalities[0]!, 'en')).toBe('Tampere');
	});
});

describe('grant choices and managing accounts', () => {
	it('offers a coordinator the lower roles on the units of their network only', () => {
		const choices = grantChoices(coordinator, directory).map((c) => `${c.scopeType}:${c.scopeId}:${c.roles.join('+')}`);
		expect(choices).toEqual(['network:1:director+staff+observer', 'municipality:5:director+staff+observer', 'library:10:director+staff+observer']);
	});

	it('offers admin only as a global grant, and other roles on units', () => {
		const choices = grantChoices(admin, directory);
		expect(choices[0]).toEqual({ scopeType: 'global', scopeId: null, roles: ['admin'] });
		expect(choices.slice(1).every((c) => !c.roles.includes('admin') && c.roles.includes('coordinator'))).toBe(true);
	});

	it('lets a coordinator manage an account only when every grant of it is theirs to give', () => {
		const staffHere = { role: 'staff' as const, scopeType: 'library' as const, scopeId: 10 };
		const staffElsewhere = { role: 'staff' as const, scopeType: 'library' as const, scopeId: 11 };
		expect(mayManageUser(coordinator, directory, [staffHere])).toBe(true);
		expect(mayManageUser(coordinator, directory, [staffHere, staffElsewhere])).toBe(false);
		expect(mayManageUser(coordinator, directory, [{ role: 'coordinator', scopeType: 'network', scopeId: 1 }])).toBe(false);
		expect(mayManageUser(coordinator, directory, [])).toBe(false);
		expect(mayManageUser(admin, directory, [])).toBe(true);
	});
});
