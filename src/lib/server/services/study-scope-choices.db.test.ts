import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { newOrgTree } from '../../../test/account-builders.ts';
import { newActor } from '../../../test/org-builders.ts';
import { studyScopeChoices } from './study-scope-choices.ts';

describeDb('study scope choices', (env) => {
	it('offers a network coordinator their network and the municipalities and libraries in it, nothing outside', async () => {
		const tree = await newOrgTree(env().db);
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: tree.networkId }]);
		const choices = await studyScopeChoices(env(), coordinator);
		expect(choices.networks.map((unit) => unit.id)).toEqual([tree.networkId]);
		expect(choices.municipalities.map((unit) => unit.id)).toEqual([tree.municipalityId]);
		expect(choices.libraries.map((unit) => unit.id)).toEqual([tree.libraryId]);
	});

	it('offers nothing to a director, who may view studies but not manage them', async () => {
		const tree = await newOrgTree(env().db);
		const director = await newActor(env().db, [{ role: 'director', scopeType: 'municipality', scopeId: tree.municipalityId }]);
		expect(await studyScopeChoices(env(), director)).toEqual({ networks: [], municipalities: [], libraries: [] });
		const viewable = await studyScopeChoices(env(), director, 'study.view');
		expect(viewable.libraries.map((unit) => unit.id)).toEqual([tree.libraryId]);
	});

	it('offers an admin every unit, the outside library included', async () => {
		const tree = await newOrgTree(env().db);
		const admin = await newActor(env().db, [{ role: 'admin', scopeType: 'global', scopeId: null }]);
		const ids = (await studyScopeChoices(env(), admin)).libraries.map((unit) => unit.id);
		expect(ids).toEqual(expect.arrayContaining([tree.libraryId, tree.outsideLibraryId]));
	});
});
