import { expect, it } from 'vitest';
import { describeDb } from '../../../../test/db.ts';
import { listLibraries } from '#lib/server/db/libraries.ts';
import { listMunicipalityHistory, membershipsOn } from '#lib/server/db/memberships.ts';
import { findLibraryByKey } from '#lib/server/db/libraries.ts';
import { findNetworkByKey } from '#lib/server/db/networks.ts';
import { listMobileStops } from '#lib/server/db/mobile-stops.ts';
import { loadDemoOrganisations } from './demo-organisations.ts';
import type { Network } from '#lib/server/db/schema.ts';

describeDb('demo organisations', (env) => {
	const snapshot = async () => ({
		networks: await env().db.selectFrom('network').select(['key', 'kind', 'nameFi', 'isDemo']).orderBy('key').execute(),
		libraries: await env().db.selectFrom('library').select(['key', 'kind', 'sizeClass', 'nameFi', 'nameSv', 'isDemo']).orderBy('key').execute(),
		memberships: (await env().db.selectFrom('networkLibrary').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
		placements: (await env().db.selectFrom('libraryMunicipality').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
		stops: (await env().db.selectFrom('mobileStop').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
	});

	it('loads the same demo when run twice', async () => {
		await env().db.transaction().execute((trx) => loadDemoOrganisations({ db: trx, now: env().now }));
		const first = await snapshot();
		await loadDemoOrganisations(env());
		expect(await snapshot()).toEqual(first);
		expect(first.libraries.every((l) => l.isDemo && l.sizeClass !== null)).toBe(true);
	});

	it('puts 21 libraries in Kyyti, mobile libraries with stops among them', async () => {
		const kyyti = (await findNetworkByKey(env().db, 'kyyti'))!;
		const libraries = await listLibraries(env().db, '2026-06-01', { networkId: kyyti.id });
		expect(libraries).toHaveLength(21);
		expect(new Set(libraries.map((l) => l.municipalityKey))).toEqual(new Set(['kouvola', 'kotka', 'hamina', 'pyhtaa', 'iitti', 'miehikkala', 'virolahti']));
		const mobiles = libraries.filter((l) => l.kind === 'mobile');
		expect(mobiles.length).toBeGreaterThanOrEqual(2);
		for (const mobile of mobiles) expect((await listMobileStops(env().db, mobile.id)).length).toBeGreaterThanOrEqual(3);
		expect(libraries.find((l) => l.key === 'kouvola-main')).toMatchObject({ kind: 'main', municipalityKey: 'kouvola' });
	});

	it('places PiKe libraries in the development area and in their consortium at once', async () => {
		const metso = (await findLibraryByKey(env().db, 'tampere-metso'))!;
		const jyvaskyla = (await findLibraryByKey(env().db, 'jyvaskyla-main'))!;
		const [pike, piki, keski] = (await Promise.all(['pike', 'piki', 'keski'].map((key) => findNetworkByKey(env().db, key)))).map((n) => n!) as [Network, Network, Network];
		expect(metso).toMatchObject({ kind: 'main', nameSv: 'Metso – Tammerfors huvudbibliotek' });
		expect(pike.kind).toBe('development_area');
		const now = await membershipsOn(env().db, '2026-06-01');
		expect(now.networksOf.get(metso.id)).toEqual([pike.id, piki.id].sort((a, b) => a - b));
		expect(now.networksOf.get(jyvaskyla.id)).toEqual([pike.id, keski.id].sort((a, b) => a - b));
		// Before PiKe began (2018), only the consortium.
		expect((await membershipsOn(env().db, '2015-06-01')).networksOf.get(metso.id)).toEqual([piki.id]);
	});

	it('keeps the history of a library whose town merged into Kouvola', async () => {
		const library = (await findLibraryByKey(env().db, 'kouvola-kuusankoski'))!;
		expect((await listMunicipalityHistory(env().db, library.id)).map((m) => [m.municipalityKey, m.validFrom, m.validTo])).toEqual([
			['kuusankoski', '1990-01-01', '2009-01-01'],
			['kouvola', '2009-01-01', null]
		]);
	});
});
