import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { AppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { describeDb } from '../../../test/db.ts';
import { newActor, newAdmin, newLibrary, newMunicipality, newNetwork } from '../../../test/org-builders.ts';
import { findLibraryByKirkantaId } from '#lib/server/db/libraries.ts';
import { listMunicipalityHistory, listNetworkHistory } from '#lib/server/db/memberships.ts';
import { listMobileStops } from '#lib/server/db/mobile-stops.ts';
import { findMunicipalityByKey } from '#lib/server/db/municipalities.ts';
import { addNetworkMembership } from './add-network-membership.ts';
import { importLibraries } from './import-libraries.ts';

const fixture = readFileSync(new URL('../../core/fixtures/kirkanta-lastu.json', import.meta.url), 'utf8');

let nextId = 500_000;
/** A small Kirkanta export with ids no other test uses: one city, one consortium, given libraries. */
function exportOf(libraries: Record<string, unknown>[], cityName = 'Testilä') {
	const city = nextId++;
	const consortium = nextId++;
	const slug = `${cityName.toLowerCase()}-${city}`;
	return {
		city,
		consortium,
		body: (records = libraries) => ({
			total: records.length,
			type: 'library',
			result: records.map((r) => ({ city, consortium, type: 'municipal', ...r })),
			references: {
				city: { [city]: { id: city, name: { fi: cityName }, slug: { fi: slug } } },
				consortium: { [consortium]: { id: consortium, name: { fi: `Kimppa ${consortium}` }, slug: { fi: `kimppa-${consortium}` } } }
			}
		})
	};
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected the import to fail');
}

describeDb('importLibraries', (env) => {
	let admin: Actor;
	beforeAll(async () => {
		admin = await newAdmin(env().db);
	});

	const tableCounts = async () => {
		const count = async (table: 'library' | 'municipality' | 'network' | 'mobileStop' | 'libraryMunicipality' | 'networkLibrary' | 'auditEvent') =>
			(await env().db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
		return {
			library: await count('library'),
			municipality: await count('municipality'),
			network: await count('network'),
			mobileStop: await count('mobileStop'),
			libraryMunicipality: await count('libraryMunicipality'),
			networkLibrary: await count('networkLibrary'),
			auditEvent: await count('auditEvent')
		};
	};

	it('imports the Lastu export, then finds nothing to change when run again', async () => {
		const first = await importLibraries(env(), admin, fixture);
		expect(first).toEqual({
			date: '2026-06-01',
			municipalities: { created: 4, updated: 0, unchanged: 0 },
			networks: { created: 1, updated: 0, unchanged: 0 },
			libraries: { created: 10, updated: 0, unchanged: 0 },
			mobileStops: { created: 4, updated: 0, unchanged: 0 },
			memberships: { started: 19, ended: 0 }
		});
		const before = await tableCounts();
		const second = await importLibraries(env(), admin, JSON.parse(fixture));
		expect(second).toMatchObject({
			municipalities: { created: 0, updated: 0, unchanged: 4 },
			networks: { created: 0, updated: 0, unchanged: 1 },
			libraries: { created: 0, updated: 0, unchanged: 10 },
			mobileStops: { created: 0, updated: 0, unchanged: 4 },
			memberships: { started: 0, ended: 0 }
		});
		const after = await tableCounts();
		expect(after).toEqual({ ...before, auditEvent: before.auditEvent + 1 });

		const main = (await findLibraryByKirkantaId(env().db, 86501))!;
		expect(main).toMatchObject({ key: 'lahden-paakirjasto', kind: 'main', isil: 'FI-Lahti', nameSv: 'Lahtis huvudbibliotek', sizeClass: null });
		const bus = (await findLibraryByKirkantaId(env().db, 86505))!;
		expect((await listMobileStops(env().db, bus.id)).map((s) => s.key)).toEqual(['ahtiala-koulu', 'kiverio-k-market', 'mukkula-palvelutalo', 'villahde-kirkonkyla']);
		expect((await listNetworkHistory(env().db, main.id)).map((m) => [m.networkKey, m.networkKind, m.validFrom, m.validTo])).toEqual([['lastu', 'consortium', '2026-06-01', null]]);
		const patients = (await findLibraryByKirkantaId(env().db, 86590))!;
		expect(patients.kind).toBe('other');
		expect(await listNetworkHistory(env().db, patients.id)).toEqual([]);

		const events = await env().db.selectFrom('auditEvent').selectAll().where('action', '=', 'organisations.import').orderBy('id').execute();
		expect(events.at(-1)).toMatchObject({ actorUserId: admin.id, targetType: 'import', details: expect.objectContaining({ source: 'kirkanta' }) });
	});

	it('updates names but never keys, and moves a library through validity periods', async () => {
		const libraryId = nextId++;
		const file = exportOf([{ id: libraryId, name: { fi: 'Keskustan kirjasto' }, slug: { fi: 'keskusta' }, main_library: true }]);
		await importLibraries(env(), admin, file.body());
		env().setNow(new Date('2026-09-01T09:00:00Z'));
		try {
			// The library is renamed and moves to another city and another consortium.
			const other = exportOf([], 'Toisela');
			const renamed = { ...file.body(), result: [{ id: libraryId, name: { fi: 'Uusi pääkirjasto', sv: 'Nya huvudbiblioteket' }, slug: { fi: 'uusi' }, type: 'municipal', main_library: true, city: other.city, consortium: other.consortium }] };
			renamed.references = { city: { ...renamed.references.city, ...other.body().references.city }, consortium: { ...renamed.references.consortium, ...other.body().references.consortium } };
			const summary = await importLibraries(env(), admin, renamed);
			expect(summary.libraries).toEqual({ created: 0, updated: 1, unchanged: 0 });
			expect(summary.memberships).toEqual({ started: 2, ended: 2 });

			const library = (await findLibraryByKirkantaId(env().db, libraryId))!;
			expect(library).toMatchObject({ key: 'keskusta', nameFi: 'Uusi pääkirjasto', nameSv: 'Nya huvudbiblioteket' });
			expect((await listMunicipalityHistory(env().db, library.id)).map((m) => [m.municipalityKey, m.validFrom, m.validTo])).toEqual([
				[`testila-${file.city}`, '2026-06-01', '2026-09-01'],
				[`toisela-${other.city}`, '2026-09-01', null]
			]);
			expect((await listNetworkHistory(env().db, library.id)).map((m) => [m.networkKirkantaId, m.validFrom, m.validTo])).toEqual([
				[file.consortium, '2026-06-01', '2026-09-01'],
				[other.consortium, '2026-09-01', null]
			]);
		} finally {
			env().setNow(new Date('2026-06-01T09:00:00Z'));
		}
	});

	it('leaves memberships in development areas alone when the consortium changes', async () => {
		const area = await newNetwork(env(), admin, { kind: 'development_area' });
		const id = nextId++;
		const file = exportOf([{ id, name: { fi: 'Alueen kirjasto' } }]);
		await importLibraries(env(), admin, file.body());
		const library = (await findLibraryByKirkantaId(env().db, id))!;
		await addNetworkMembership(env(), admin, library.id, { network: area.key, from: '2026-01-01' });
		env().setNow(new Date('2026-10-01T09:00:00Z'));
		try {
			await importLibraries(env(), admin, { ...file.body(), result: [{ id, name: { fi: 'Alueen kirjasto' }, type: 'municipal', city: file.city, consortium: null }] });
		} finally {
			env().setNow(new Date('2026-06-01T09:00:00Z'));
		}
		expect((await listNetworkHistory(env().db, library.id)).map((m) => [m.networkKey, m.validTo])).toEqual([
			[area.key, null],
			[`kimppa-${file.consortium}`, '2026-10-01']
		]);
	});

	it('adopts a municipality with the same key and a library with the same ISIL instead of duplicating them', async () => {
		const municipality = await newMunicipality(env(), admin, { key: 'adoptiola', nameFi: 'Adoptiola' });
		const library = await newLibrary(env(), admin, { isil: 'FI-Adopt', municipality: municipality.key });
		const id = nextId++;
		const city = nextId++;
		await importLibraries(env(), admin, {
			result: [{ id, name: { fi: 'Adoptiolan kirjasto' }, type: 'municipal', isil: 'FI-Adopt', city }],
			references: { city: { [city]: { id: city, name: { fi: 'Adoptiola', sv: 'Adoptby' }, slug: { fi: 'adoptiola' } } } }
		});
		expect(await findMunicipalityByKey(env().db, 'adoptiola')).toMatchObject({ id: municipality.id, kirkantaId: city, nameSv: 'Adoptby' });
		expect(await findLibraryByKirkantaId(env().db, id)).toMatchObject({ id: library.id, key: library.key, nameFi: 'Adoptiolan kirjasto' });
		expect((await listMunicipalityHistory(env().db, library.id)).length).toBe(1);
	});

	it('follows the directory stops: adds new ones, renames, archives the ones gone, keeps hand-made ones', async () => {
		const id = nextId++;
		const stops = [
			{ id: nextId++, name: { fi: 'Kauppa' }, type: 'mobile_stop' },
			{ id: nextId++, name: { fi: 'Koulu' }, type: 'mobile_stop' }
		];
		const file = exportOf([{ id, name: { fi: 'Kirjastoauto' }, type: 'mobile', departments: stops }]);
		await importLibraries(env(), admin, file.body());
		const bus = (await findLibraryByKirkantaId(env().db, id))!;
		await env().db.insertInto('mobileStop').values({ libraryId: bus.id, key: 'oma', nameFi: 'Oma pysäkki' }).execute();

		const summary = await importLibraries(env(), admin, file.body([{ id, name: { fi: 'Kirjastoauto' }, type: 'mobile', departments: [{ ...stops[0]!, name: { fi: 'Kauppa, piha' } }, { id: nextId++, name: { fi: 'Kirkko' }, type: 'mobile_stop' }] }]));
		expect(summary.mobileStops).toEqual({ created: 1, updated: 2, unchanged: 0 });
		const all = await listMobileStops(env().db, bus.id, { includeArchived: true });
		expect(all.map((s) => [s.key, s.nameFi, s.archivedAt === null])).toEqual([
			['kauppa', 'Kauppa, piha', true],
			['kirkko', 'Kirkko', true],
			['koulu', 'Koulu', false],
			['oma', 'Oma pysäkki', true]
		]);
	});

	it('rejects a malformed file as a whole, naming record and field, and imports nothing', async () => {
		const before = await tableCounts();
		const file = exportOf([
			{ id: nextId++, name: { fi: 'Hyvä kirjasto' } },
			{ id: 777, name: { fi: 'Huono kirjasto' }, type: 'kirjasto' }
		]);
		const error = await rejection(importLibraries(env(), admin, JSON.stringify(file.body())));
		expect(error).toMatchObject({ kind: 'invalid', code: 'org_import_invalid' });
		expect(error.details.issues).toEqual([expect.objectContaining({ index: 1, recordId: 777, recordName: 'Huono kirjasto', field: 'type', problem: 'invalid_value' })]);
		expect(error.message).toContain('Record 2 (result[1], id 777, "Huono kirjasto"), field "type"');
		expect(await tableCounts()).toEqual(before);
	});

	it('rolls back everything when a record fails against the database midway', async () => {
		const taken = await newLibrary(env(), admin, { isil: 'FI-Taken', kirkantaId: String(nextId++) });
		const before = await tableCounts();
		const file = exportOf([
			{ id: nextId++, name: { fi: 'Ensimmäinen' } },
			{ id: nextId++, name: { fi: 'Toinen' }, isil: taken.isil }
		]);
		const error = await rejection(importLibraries(env(), admin, file.body()));
		expect(error).toMatchObject({ code: 'org_isil_taken', details: expect.objectContaining({ index: 1, recordName: 'Toinen' }) });
		expect(error.message).toMatch(/^Record 2 \(id \d+, "Toinen"\): ISIL FI-Taken belongs to library/);
		expect(await tableCounts()).toEqual(before);
	});

	it('lets only admins import', async () => {
		const coordinator = await newActor(env().db, [{ role: 'coordinator', scopeType: 'global', scopeId: null }]);
		expect(await rejection(importLibraries(env(), coordinator, fixture))).toMatchObject({ kind: 'forbidden' });
	});
});
