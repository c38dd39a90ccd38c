import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#lib/core/errors.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { describeDb } from '../../../test/db.ts';
import { newActor, newAdmin, newLibrary, newMunicipality, newNetwork, uniqueSuffix } from '../../../test/org-builders.ts';
import { listMunicipalityHistory, membershipsOn } from '#lib/server/db/memberships.ts';
import { resolveLibrary } from '#lib/server/db/libraries.ts';
import { libraryResource, municipalityResource, resolveScope } from '#lib/server/db/org-resources.ts';
import { createLibrary } from './create-library.ts';
import { updateLibrary } from './update-library.ts';
import { updateNetwork } from './update-network.ts';
import { setArchived } from './archive-unit.ts';
import { setLibrarySizeClass } from './set-library-size-class.ts';
import { moveLibrary } from './move-library.ts';
import { addNetworkMembership } from './add-network-membership.ts';
import { endNetworkMembership } from './end-network-membership.ts';
import { createMobileStop } from './create-mobile-stop.ts';
import { updateMobileStop } from './update-mobile-stop.ts';
import { listLibrariesFor } from './list-libraries.ts';
import { listNetworksFor } from './list-networks.ts';
import { listMunicipalitiesFor } from './list-municipalities.ts';
import { viewLibrary } from './view-library.ts';
import { viewNetwork } from './view-network.ts';

/** The AppError a promise rejects with, to assert on its code and details. */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected the call to fail');
}

describeDb('organisation services', (env) => {
	let admin: Actor;
	beforeAll(async () => {
		admin = await newAdmin(env().db);
	});

	const auditOf = (action: string, targetId: number) =>
		env().db.selectFrom('auditEvent').selectAll().where('action', '=', action).where('targetId', '=', String(targetId)).execute();

	describe('creating and editing', () => {
		it('creates a library in a municipality from a date and writes an audit event', async () => {
			const municipality = await newMunicipality(env(), admin);
			const library = await newLibrary(env(), admin, { municipality: municipality.key, validFrom: '2021-03-01', isil: 'fi-Cre1', sizeClass: 'medium' });
			expect(library).toMatchObject({ kind: 'branch', isil: 'FI-Cre1', sizeClass: 'medium', isDemo: false });
			expect(await listMunicipalityHistory(env().db, library.id)).toEqual([
				expect.objectContaining({ municipalityId: municipality.id, validFrom: '2021-03-01', validTo: null })
			]);
			const [event] = await auditOf('library.create', library.id);
			expect(event).toMatchObject({ actorUserId: admin.id, targetType: 'library', details: expect.objectContaining({ key: library.key, municipalityId: municipality.id }) });
		});

		it('refuses bad input naming each field, and writes nothing', async () => {
			const key = `bad-${uniqueSuffix()}`;
			const error = await rejection(createLibrary(env(), admin, { key, kind: 'branch', nameFi: '', isil: 'Tampere', validFrom: '2021-01-01' }));
			expect(error).toMatchObject({ kind: 'invalid', code: 'invalid_input', details: { fields: { nameFi: 'required', isil: 'isil_format' } } });
			expect(await resolveLibrary(env().db, key)).toBeUndefined();
		});

		it('refuses a key, ISIL or Kirkanta id that another library holds, naming the fields', async () => {
			const first = await newLibrary(env(), admin, { isil: `FI-T${uniqueSuffix().slice(-6)}`, kirkantaId: String(Math.floor(Math.random() * 1e9) + 1) });
			const error = await rejection(newLibrary(env(), admin, { key: first.key, isil: first.isil, kirkantaId: String(first.kirkantaId) }));
			expect(error).toMatchObject({ kind: 'conflict', code: 'org_key_taken', details: { fields: { key: 'key_taken', isil: 'isil_taken', kirkantaId: 'kirkanta_id_taken' } } });
		});

		it('refuses an unknown municipality', async () => {
			const error = await rejection(newLibrary(env(), admin, { municipality: 'no-such-place' }));
			expect(error).toMatchObject({ kind: 'not_found', details: { fields: { municipality: 'unknown_unit' } } });
		});

		it('edits a library but never its key, and audits what changed', async () => {
			const library = await newLibrary(env(), admin);
			const updated = await updateLibrary(env(), admin, library.id, { key: 'ignored', kind: 'main', nameFi: 'Uusi nimi', nameSv: 'Nytt namn', isil: '', kirkantaId: '' });
			expect(updated).toMatchObject({ key: library.key, kind: 'main', nameFi: 'Uusi nimi', nameSv: 'Nytt namn' });
			const [event] = await auditOf('library.update', library.id);
			expect(event!.details).toEqual({ key: library.key, changed: ['kind', 'nameFi', 'nameSv'] });
		});

		it('writes no audit event for an edit that changes nothing', async () => {
			const network = await newNetwork(env(), admin);
			await updateNetwork(env(), admin, network.id, { kind: network.kind, nameFi: network.nameFi, nameSv: '', kirkantaId: '' });
			expect(await auditOf('network.update', network.id)).toEqual([]);
		});

		it('sets and clears the size class', async () => {
			const library = await newLibrary(env(), admin);
			expect((await setLibrarySizeClass(env(), admin, library.id, { sizeClass: 'large' })).sizeClass).toBe('large');
			expect((await setLibrarySizeClass(env(), admin, library.id, { sizeClass: '' })).sizeClass).toBeNull();
			expect((await auditOf('library.size_class', library.id)).map((e) => e.details)).toEqual([
				{ key: library.key, from: null, to: 'large' },
				{ key: library.key, from: 'large', to: null }
			]);
		});
	});

	describe('archiving', () => {
		it('archives and unarchives a library, hiding it from lists meanwhile', async () => {
			const library = await newLibrary(env(), admin);
			await setArchived(env(), admin, { type: 'library', id: library.id }, true);
			const listed = async (archived?: '1') => (await listLibrariesFor(env(), admin, { q: library.key, archived })).libraries.map((l) => l.key);
			expect(await listed()).toEqual([]);
			expect(await listed('1')).toEqual([library.key]);
			await setArchived(env(), admin, { type: 'library', id: library.id }, false);
			expect(await listed()).toEqual([library.key]);
			expect((await auditOf('library.archive', library.id)).length).toBe(1);
			expect((await auditOf('library.unarchive', library.id)).length).toBe(1);
		});

		it('archives a mobile stop without deleting it', async () => {
			const library = await newLibrary(env(), admin, { kind: 'mobile' });
			const stop = await createMobileStop(env(), admin, library.id, { key: '', nameFi: 'Hervanta, Duo' });
			expect(stop.key).toBe('hervanta-duo');
			await setArchived(env(), admin, { type: 'mobile_stop', libraryId: library.id, key: stop.key }, true);
			const view = await viewLibrary(env(), admin, library.key);
			expect(view.stops).toEqual([expect.objectContaining({ key: 'hervanta-duo', archivedAt: expect.any(Date) })]);
		});

		it('numbers a derived stop key that is taken and refuses a chosen one that is', async () => {
			const library = await newLibrary(env(), admin, { kind: 'mobile' });
			await createMobileStop(env(), admin, library.id, { nameFi: 'Tori' });
			expect((await createMobileStop(env(), admin, library.id, { nameFi: 'Tori' })).key).toBe('tori-2');
			const error = await rejection(createMobileStop(env(), admin, library.id, { key: 'tori', nameFi: 'Tori 3' }));
			expect(error.details).toEqual({ fields: { key: 'key_taken' } });
			expect((await updateMobileStop(env(), admin, library.id, 'tori-2', { nameFi: 'Tori, pohjoinen' })).nameFi).toBe('Tori, pohjoinen');
		});
	});

	describe('resolving references', () => {
		it('finds a library by key, ISIL or Kirkanta id', async () => {
			const kirkantaId = Math.floor(Math.random() * 1e9) + 1;
			const library = await newLibrary(env(), admin, { isil: `FI-R${uniqueSuffix().slice(-6)}`, kirkantaId: String(kirkantaId) });
			expect((await resolveLibrary(env().db, library.key))?.id).toBe(library.id);
			expect((await resolveLibrary(env().db, library.isil!))?.id).toBe(library.id);
			expect((await resolveLibrary(env().db, library.isil!.replace('FI', 'fi')))?.id).toBe(library.id);
			expect((await resolveLibrary(env().db, String(kirkantaId)))?.id).toBe(library.id);
			expect(await resolveLibrary(env().db, 'no-such-library')).toBeUndefined();
		});

		it('resolves a scope reference to its unit and permission resource', async () => {
			const municipality = await newMunicipality(env(), admin);
			const network = await newNetwork(env(), admin);
			const library = await newLibrary(env(), admin, { municipality: municipality.key });
			await addNetworkMembership(env(), admin, library.id, { network: network.key, from: '2020-01-01' });
			expect(await resolveScope(env().db, { type: 'library', ref: library.key }, '2026-06-01')).toMatchObject({
				id: library.id,
				resource: { type: 'library', id: library.id, municipalityIds: [municipality.id], networkIds: [network.id] }
			});
			expect((await resolveScope(env().db, { type: 'municipality', ref: municipality.key }, '2026-06-01'))?.resource).toEqual({
				type: 'municipality',
				id: municipality.id,
				networkIds: [network.id]
			});
			expect(await resolveScope(env().db, { type: 'network', ref: 'nope' }, '2026-06-01')).toBeUndefined();
		});
	});

	describe('memberships over time', () => {
		it('moves a library by ending the open period and starting a new one, keeping history', async () => {
			const [from, to] = [await newMunicipality(env(), admin), await newMunicipality(env(), admin)];
			const library = await newLibrary(env(), admin, { municipality: from.key, validFrom: '2020-01-01' });
			await moveLibrary(env(), admin, library.id, { municipality: to.key, from: '2025-01-01' });
			expect((await listMunicipalityHistory(env().db, library.id)).map((m) => [m.municipalityKey, m.validFrom, m.validTo])).toEqual([
				[from.key, '2020-01-01', '2025-01-01'],
				[to.key, '2025-01-01', null]
			]);
			// As things stood on a date: the day before the move, the move day itself.
			expect((await membershipsOn(env().db, '2024-12-31')).municipalityOf.get(library.id)).toBe(from.id);
			expect((await membershipsOn(env().db, '2025-01-01')).municipalityOf.get(library.id)).toBe(to.id);
			expect(await libraryResource(env().db, library.id, '2019-12-31')).toEqual({ type: 'library', id: library.id, municipalityIds: [], networkIds: [] });
			expect(await libraryResource(env().db, library.id, '2022-06-01')).toEqual({ type: 'library', id: library.id, municipalityIds: [from.id], networkIds: [] });
			expect((await auditOf('library.move', library.id))[0]!.details).toMatchObject({ municipalityId: to.id, from: '2025-01-01' });
		});

		it('refuses a move that would overlap a recorded one, with a clear error', async () => {
			const [a, b, c] = [await newMunicipality(env(), admin), await newMunicipality(env(), admin), await newMunicipality(env(), admin)];
			const library = await newLibrary(env(), admin, { municipality: a.key, validFrom: '2020-01-01' });
			await moveLibrary(env(), admin, library.id, { municipality: b.key, from: '2024-01-01' });
			for (const from of ['2023-06-01', '2024-01-01']) {
				const error = await rejection(moveLibrary(env(), admin, library.id, { municipality: c.key, from }));
				expect(error).toMatchObject({ kind: 'conflict', code: 'org_membership_overlap' });
				expect(error.message).toContain('2024-01-01');
			}
			expect((await listMunicipalityHistory(env().db, library.id)).length).toBe(2);
		});

		it('refuses to move a library to the municipality it is in', async () => {
			const municipality = await newMunicipality(env(), admin);
			const library = await newLibrary(env(), admin, { municipality: municipality.key });
			expect(await rejection(moveLibrary(env(), admin, library.id, { municipality: municipality.key, from: '2025-01-01' }))).toMatchObject({
				code: 'org_membership_unchanged'
			});
		});

		it('adds and ends network memberships, refusing overlaps and ends before the start', async () => {
			const [pike, piki] = [await newNetwork(env(), admin, { kind: 'development_area' }), await newNetwork(env(), admin)];
			const library = await newLibrary(env(), admin);
			await addNetworkMembership(env(), admin, library.id, { network: pike.key, from: '2018-01-01' });
			await addNetworkMembership(env(), admin, library.id, { network: piki.key, from: '2010-01-01' });
			expect((await membershipsOn(env().db, '2019-01-01')).networksOf.get(library.id)).toEqual([pike.id, piki.id].sort((x, y) => x - y));

			expect(await rejection(addNetworkMembership(env(), admin, library.id, { network: pike.key, from: '2020-01-01' }))).toMatchObject({ code: 'org_membership_overlap' });
			expect(await rejection(endNetworkMembership(env(), admin, library.id, { network: pike.key, to: '2018-01-01' }))).toMatchObject({
				code: 'org_membership_end_before_start'
			});
			await endNetworkMembership(env(), admin, library.id, { network: piki.key, to: '2024-01-01' });
			expect(await rejection(endNetworkMembership(env(), admin, library.id, { network: piki.key, to: '2025-01-01' }))).toMatchObject({ code: 'org_membership_not_open' });
			// Rejoining after the end is fine; rejoining inside the closed period is not.
			expect(await rejection(addNetworkMembership(env(), admin, library.id, { network: piki.key, from: '2023-01-01' }))).toMatchObject({ code: 'org_membership_overlap' });
			await addNetworkMembership(env(), admin, library.id, { network: piki.key, from: '2025-01-01' });
			expect((await membershipsOn(env().db, '2024-06-01')).networksOf.get(library.id)).toEqual([pike.id]);
			expect((await auditOf('network_membership.end', library.id)).length).toBe(1);
		});
	});

	describe('permissions', () => {
		it('lets only admins change organisations', async () => {
			const library = await newLibrary(env(), admin);
			const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'global', scopeId: null }]);
			for (const attempt of [
				() => newLibrary(env(), coordinator),
				() => updateLibrary(env(), coordinator, library.id, { kind: 'main', nameFi: 'X' }),
				() => setArchived(env(), coordinator, { type: 'library', id: library.id }, true),
				() => setLibrarySizeClass(env(), coordinator, library.id, { sizeClass: 'small' }),
				() => moveLibrary(env(), coordinator, library.id, { municipality: 'x', from: '2026-01-01' })
			]) {
				expect(await rejection(attempt())).toMatchObject({ kind: 'forbidden', code: 'forbidden' });
			}
		});

		it('shows each role only the units its grant covers', async () => {
			const network = await newNetwork(env(), admin);
			const [inside, outside] = [await newMunicipality(env(), admin), await newMunicipality(env(), admin)];
			const metso = await newLibrary(env(), admin, { municipality: inside.key });
			const branch = await newLibrary(env(), admin, { municipality: inside.key });
			const elsewhere = await newLibrary(env(), admin, { municipality: outside.key });
			await addNetworkMembership(env(), admin, metso.id, { network: network.key, from: '2020-01-01' });

			const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: network.id }]);
			const director = await newActor(env().db, [{ role: 'director', scopeType: 'municipality', scopeId: inside.id }]);
			const staff = await newActor(env().db, [{ role: 'staff', scopeType: 'library', scopeId: branch.id }]);
			const observer = await newActor(env().db, [{ role: 'observer', scopeType: 'library', scopeId: branch.id }]);
			const ours = new Set([metso.key, branch.key, elsewhere.key]);
			const visibleTo = async (actor: Actor) => (await listLibrariesFor(env(), actor, {})).libraries.map((l) => l.key).filter((k) => ours.has(k)).sort();

			expect(await visibleTo(admin)).toEqual([metso.key, branch.key, elsewhere.key].sort());
			expect(await visibleTo(coordinator)).toEqual([metso.key]);
			expect(await visibleTo(director)).toEqual([metso.key, branch.key].sort());
			expect(await visibleTo(staff)).toEqual([branch.key]);
			expect(await rejection(listLibrariesFor(env(), observer, {}))).toMatchObject({ kind: 'forbidden' });

			expect((await listNetworksFor(env(), coordinator, {})).map((n) => n.key)).toEqual([network.key]);
			expect(await listNetworksFor(env(), director, {})).toEqual([]);
			expect((await listMunicipalitiesFor(env(), coordinator, {})).map((m) => m.key)).toEqual([inside.key]);
			expect(await rejection(viewLibrary(env(), staff, elsewhere.key))).toMatchObject({ kind: 'forbidden' });
			expect((await viewLibrary(env(), staff, branch.key)).canManage).toBe(false);
			expect((await viewNetwork(env(), coordinator, network.key)).libraries.map((l) => l.key)).toEqual([metso.key]);
			expect(can(director, 'org.view', await municipalityResource(env().db, inside.id, '2026-06-01'))).toBe(true);
		});
	});
});
