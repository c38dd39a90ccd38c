import type { LibraryKind, NetworkKind, SizeClass } from '#lib/core/org-types.ts';
import { slugify } from '#lib/core/organisations.ts';
import { findLibraryByKey, insertLibrary, updateLibrary } from '#lib/server/db/libraries.ts';
import { endMunicipalityMembership, insertMunicipalityMembership, insertNetworkMembership, listMunicipalityHistory, listNetworkHistory } from '#lib/server/db/memberships.ts';
import { findMobileStopByKey, insertMobileStop, updateMobileStop } from '#lib/server/db/mobile-stops.ts';
import { findMunicipalityByKey, insertMunicipality, updateMunicipality } from '#lib/server/db/municipalities.ts';
import { findNetworkByKey, insertNetwork, updateNetwork } from '#lib/server/db/networks.ts';
import type { Deps } from '../deps.ts';

/**
 * The demo's organisations: the PiKe development area (Pirkanmaa and Central Finland) with the
 * PIKI and Keski consortia inside it, and the Kyyti consortium of Kymenlaakso with its 21
 * libraries, as the source documents describe them. Every row is marked `is_demo`.
 *
 * Names: municipalities and their Swedish names are real (many are the same in both languages). Libraries named in the source documents
 * (Metso, Pirkkala, Ikaalinen, Keuruu, Muurame, Jyväskylä main library, Kouvola main library) and
 * well-known branches are real names; the ones marked `// invented` are plausible stand-ins where
 * the real branch is not known to us. Every mobile stop is invented (real place names, made-up
 * stops). Size classes and dates are the demo's own.
 *
 * Idempotent: units are upserted by key; memberships are added only to a library that has none of
 * that kind yet, so changes made in the demo (a move, an ended membership) survive a re-run.
 */

interface DemoLibrary {
	key: string;
	kind: LibraryKind;
	size: SizeClass;
	fi: string;
	sv?: string;
	municipality: string;
	networks: string[];
	stops?: string[];
}

const networks: { key: string; kind: NetworkKind; fi: string; sv: string; from: string }[] = [
	{ key: 'pike', kind: 'development_area', fi: 'PiKe – Pirkanmaan ja Keski-Suomen kehittämisalue', sv: 'PiKe – utvecklingsområdet för Birkaland och Mellersta Finland', from: '2018-01-01' },
	{ key: 'piki', kind: 'consortium', fi: 'PIKI-kirjastot (Pirkanmaa)', sv: 'PIKI-biblioteken (Birkaland)', from: '2010-01-01' },
	{ key: 'keski', kind: 'consortium', fi: 'Keski-kirjastot (Keski-Suomi)', sv: 'Keski-biblioteken (Mellersta Finland)', from: '2010-01-01' },
	{ key: 'kyyti', kind: 'consortium', fi: 'Kyyti-kirjastot (Kymenlaakso)', sv: 'Kyyti-biblioteken (Kymmenedalen)', from: '2013-01-01' }
];

const municipalities: { key: string; fi: string; sv?: string }[] = [
	{ key: 'tampere', fi: 'Tampere', sv: 'Tammerfors' },
	{ key: 'pirkkala', fi: 'Pirkkala', sv: 'Birkala' },
	{ key: 'ikaalinen', fi: 'Ikaalinen', sv: 'Ikalis' },
	{ key: 'nokia', fi: 'Nokia', sv: 'Nokia' },
	{ key: 'jyvaskyla', fi: 'Jyväskylä', sv: 'Jyväskylä' },
	{ key: 'keuruu', fi: 'Keuruu', sv: 'Keuru' },
	{ key: 'muurame', fi: 'Muurame', sv: 'Muurame' },
	{ key: 'laukaa', fi: 'Laukaa', sv: 'Laukas' },
	{ key: 'kouvola', fi: 'Kouvola', sv: 'Kouvola' },
	{ key: 'kotka', fi: 'Kotka', sv: 'Kotka' },
	{ key: 'hamina', fi: 'Hamina', sv: 'Fredrikshamn' },
	{ key: 'pyhtaa', fi: 'Pyhtää', sv: 'Pyttis' },
	{ key: 'iitti', fi: 'Iitti', sv: 'Itis' },
	{ key: 'miehikkala', fi: 'Miehikkälä', sv: 'Miehikkälä' },
	{ key: 'virolahti', fi: 'Virolahti', sv: 'Vederlax' },
	// Merged into Kouvola on 1 January 2009: archived, kept for the history of its library.
	{ key: 'kuusankoski', fi: 'Kuusankoski', sv: 'Kuusankoski' }
];

const piki = ['pike', 'piki'];
const keski = ['pike', 'keski'];
const kyyti = ['kyyti'];

const libraries: DemoLibrary[] = [
	// PiKe: Pirkanmaa (PIKI)
	{ key: 'tampere-metso', kind: 'main', size: 'large', fi: 'Metso – Tampereen pääkirjasto', sv: 'Metso – Tammerfors huvudbibliotek', municipality: 'tampere', networks: piki },
	{ key: 'tampere-hervanta', kind: 'branch', size: 'medium', fi: 'Hervannan kirjasto', municipality: 'tampere', networks: piki },
	{ key: 'tampere-kaleva', kind: 'branch', size: 'small', fi: 'Kalevan kirjasto', municipality: 'tampere', networks: piki },
	{ key: 'tampere-tesoma', kind: 'branch', size: 'small', fi: 'Tesoman kirjasto', municipality: 'tampere', networks: piki },
	{ key: 'tampere-linnainmaa', kind: 'branch', size: 'small', fi: 'Linnainmaan kirjasto', municipality: 'tampere', networks: piki },
	{ key: 'tampere-mobile', kind: 'mobile', size: 'small', fi: 'Tampereen kirjastoauto', sv: 'Tammerfors bokbuss', municipality: 'tampere', networks: piki, stops: ['Vuores', 'Aitolahti', 'Teisko'] },
	{ key: 'pirkkala-main', kind: 'main', size: 'medium', fi: 'Pirkkalan kirjasto', sv: 'Birkala bibliotek', municipality: 'pirkkala', networks: piki },
	{ key: 'ikaalinen-main', kind: 'main', size: 'small', fi: 'Ikaalisten kaupunginkirjasto', sv: 'Ikalis stadsbibliotek', municipality: 'ikaalinen', networks: piki },
	{ key: 'nokia-main', kind: 'main', size: 'medium', fi: 'Nokian kaupunginkirjasto', municipality: 'nokia', networks: piki },
	// PiKe: Central Finland (Keski)
	{ key: 'jyvaskyla-main', kind: 'main', size: 'large', fi: 'Jyväskylän pääkirjasto', sv: 'Jyväskylä huvudbibliotek', municipality: 'jyvaskyla', networks: keski },
	{ key: 'jyvaskyla-vaajakoski', kind: 'branch', size: 'medium', fi: 'Vaajakosken kirjasto', municipality: 'jyvaskyla', networks: keski },
	{ key: 'jyvaskyla-korpilahti', kind: 'branch', size: 'small', fi: 'Korpilahden kirjasto', municipality: 'jyvaskyla', networks: keski },
	{ key: 'jyvaskyla-mobile', kind: 'mobile', size: 'small', fi: 'Jyväskylän kirjastoauto', municipality: 'jyvaskyla', networks: keski, stops: ['Palokka', 'Säynätsalo', 'Tikkakoski'] },
	{ key: 'keuruu-main', kind: 'main', size: 'small', fi: 'Keuruun kaupunginkirjasto', municipality: 'keuruu', networks: keski },
	{ key: 'muurame-main', kind: 'main', size: 'small', fi: 'Muuramen kunnankirjasto', municipality: 'muurame', networks: keski },
	{ key: 'laukaa-main', kind: 'main', size: 'small', fi: 'Laukaan pääkirjasto', municipality: 'laukaa', networks: keski },
	// Kyyti: the 21 libraries of Kymenlaakso
	{ key: 'kouvola-main', kind: 'main', size: 'large', fi: 'Kouvolan pääkirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-kuusankoski', kind: 'branch', size: 'medium', fi: 'Kuusankosken kirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-myllykoski', kind: 'branch', size: 'small', fi: 'Myllykosken kirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-inkeroinen', kind: 'branch', size: 'small', fi: 'Inkeroisten kirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-elimaki', kind: 'branch', size: 'small', fi: 'Elimäen kirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-valkeala', kind: 'branch', size: 'small', fi: 'Valkealan kirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-jaala', kind: 'branch', size: 'small', fi: 'Jaalan kirjasto', municipality: 'kouvola', networks: kyyti },
	{ key: 'kouvola-mobile', kind: 'mobile', size: 'small', fi: 'Kouvolan kirjastoauto', municipality: 'kouvola', networks: kyyti, stops: ['Anjala', 'Sippola', 'Utti', 'Kaipiainen'] },
	{ key: 'kotka-main', kind: 'main', size: 'large', fi: 'Kotkan pääkirjasto', municipality: 'kotka', networks: kyyti },
	{ key: 'kotka-karhula', kind: 'branch', size: 'medium', fi: 'Karhulan kirjasto', municipality: 'kotka', networks: kyyti },
	{ key: 'kotka-langinkoski', kind: 'branch', size: 'small', fi: 'Langinkosken kirjasto', municipality: 'kotka', networks: kyyti }, // invented
	{ key: 'kotka-mobile', kind: 'mobile', size: 'small', fi: 'Kotkan kirjastoauto', municipality: 'kotka', networks: kyyti, stops: ['Mussalo', 'Sunila', 'Kyminlinna'] },
	{ key: 'hamina-main', kind: 'main', size: 'medium', fi: 'Haminan kaupunginkirjasto', sv: 'Fredrikshamns stadsbibliotek', municipality: 'hamina', networks: kyyti },
	{ key: 'hamina-vehkalahti', kind: 'branch', size: 'small', fi: 'Vehkalahden kirjasto', municipality: 'hamina', networks: kyyti }, // invented
	{ key: 'hamina-mobile', kind: 'mobile', size: 'small', fi: 'Haminan kirjastoauto', sv: 'Fredrikshamns bokbuss', municipality: 'hamina', networks: kyyti, stops: ['Neuvoton', 'Husula', 'Poitsila'] },
	{ key: 'pyhtaa-main', kind: 'main', size: 'small', fi: 'Pyhtään kunnankirjasto', sv: 'Pyttis kommunbibliotek', municipality: 'pyhtaa', networks: kyyti },
	{ key: 'pyhtaa-ahvenkoski', kind: 'branch', size: 'small', fi: 'Ahvenkosken kirjasto', sv: 'Abborfors bibliotek', municipality: 'pyhtaa', networks: kyyti }, // invented
	{ key: 'iitti-main', kind: 'main', size: 'small', fi: 'Iitin kunnankirjasto', sv: 'Itis kommunbibliotek', municipality: 'iitti', networks: kyyti },
	{ key: 'iitti-kirkonkyla', kind: 'branch', size: 'small', fi: 'Iitin kirkonkylän kirjasto', municipality: 'iitti', networks: kyyti }, // invented
	{ key: 'miehikkala-main', kind: 'main', size: 'small', fi: 'Miehikkälän kunnankirjasto', municipality: 'miehikkala', networks: kyyti },
	{ key: 'virolahti-main', kind: 'main', size: 'small', fi: 'Virolahden kunnankirjasto', sv: 'Vederlax kommunbibliotek', municipality: 'virolahti', networks: kyyti }
];

/** Municipality periods start here unless `history` below says otherwise. */
const MUNICIPALITY_FROM = '2009-01-01';
/** Kuusankoski library belonged to the town of Kuusankoski until the 2009 merger into Kouvola. */
const history: Record<string, { municipality: string; from: string; to: string }> = {
	'kouvola-kuusankoski': { municipality: 'kuusankoski', from: '1990-01-01', to: MUNICIPALITY_FROM }
};

/** Loads the demo organisations through `deps.db` (loadDemo passes its transaction). */
export async function loadDemoOrganisations(deps: Pick<Deps, 'db' | 'now'>): Promise<void> {
	const { db } = deps;
	const now = deps.now();
	const networkIds = new Map<string, number>();
	for (const n of networks) {
		const existing = await findNetworkByKey(db, n.key);
		const values = { kind: n.kind, nameFi: n.fi, nameSv: n.sv, isDemo: true };
		const row = existing ? await updateNetwork(db, existing.id, { ...values, updatedAt: now }) : await insertNetwork(db, { key: n.key, ...values });
		networkIds.set(n.key, row.id);
	}

	const municipalityIds = new Map<string, number>();
	for (const m of municipalities) {
		const existing = await findMunicipalityByKey(db, m.key);
		const values = { nameFi: m.fi, nameSv: m.sv ?? null, isDemo: true };
		const archivedAt = m.key === 'kuusankoski' ? (existing?.archivedAt ?? now) : (existing?.archivedAt ?? null);
		const row = existing
			? await updateMunicipality(db, existing.id, { ...values, archivedAt, updatedAt: now })
			: await insertMunicipality(db, { key: m.key, ...values, archivedAt });
		municipalityIds.set(m.key, row.id);
	}

	for (const l of libraries) {
		const existing = await findLibraryByKey(db, l.key);
		const values = { kind: l.kind, sizeClass: l.size, nameFi: l.fi, nameSv: l.sv ?? null, isDemo: true };
		const library = existing ? await updateLibrary(db, existing.id, { ...values, updatedAt: now }) : await insertLibrary(db, { key: l.key, ...values });

		if ((await listMunicipalityHistory(db, library.id)).length === 0) {
			const past = history[l.key];
			if (past) {
				const id = await insertMunicipalityMembership(db, { libraryId: library.id, municipalityId: municipalityIds.get(past.municipality)!, validFrom: past.from });
				await endMunicipalityMembership(db, id, past.to);
			}
			await insertMunicipalityMembership(db, { libraryId: library.id, municipalityId: municipalityIds.get(l.municipality)!, validFrom: MUNICIPALITY_FROM });
		}
		const memberOf = new Set((await listNetworkHistory(db, library.id)).map((m) => m.networkKey));
		for (const key of l.networks) {
			if (memberOf.has(key)) continue;
			const from = networks.find((n) => n.key === key)!.from;
			await insertNetworkMembership(db, { networkId: networkIds.get(key)!, libraryId: library.id, validFrom: from });
		}

		for (const name of l.stops ?? []) {
			const key = slugify(name);
			const stop = await findMobileStopByKey(db, library.id, key);
			if (stop) await updateMobileStop(db, stop.id, { nameFi: name, updatedAt: now });
			else await insertMobileStop(db, { libraryId: library.id, key, nameFi: name });
		}
	}
}
