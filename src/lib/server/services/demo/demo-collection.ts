import { formatCode } from '#lib/core/collection/codes.ts';
import { defaultMode, type Channel, type CollectorMode } from '#lib/core/collection/collectors.ts';
import type { InstrumentKind } from '#lib/core/collection/inputs.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { findScopeIdByKey } from '#lib/server/db/account-scopes.ts';
import { findCollectorBySlug } from '#lib/server/db/collectors.ts';
import { findDraftVersion, findInstrumentByKey, findLatestPublishedVersionId } from '#lib/server/db/instruments.ts';
import { findPrivacyNotice } from '#lib/server/db/privacy-notices.ts';
import { existingTokenHashes, insertTokens } from '#lib/server/db/response-tokens.ts';
import { findRoundByKey } from '#lib/server/db/rounds.ts';
import { findStudyByKey } from '#lib/server/db/studies.ts';
import { findUserByEmail } from '#lib/server/db/users.ts';
import { hashCode } from '../collection/codes.ts';
import { addCollector } from '../collection/create-collector.ts';
import { loadStudyAccess, requireManageStudy } from '../collection/study-access.ts';
import { createInstrument } from '../collection/create-instrument.ts';
import { createRound } from '../collection/create-round.ts';
import { createStudy } from '../collection/create-study.ts';
import { publishInstrument } from '../collection/publish-instrument.ts';
import { setPrivacyNotice } from '../collection/set-privacy-notice.ts';
import { submitResponse } from '../collection/submit-response.ts';
import type { Deps } from '../deps.ts';
import { demoResponseCollectors } from './demo-responses.ts';
import { demoStaffCollectors } from './demo-staff-responses.ts';

/**
 * The collection demo, with stable keys that docs and checks point at:
 * - instruments from the four templates, published;
 * - study `demo-customer` (customer-service survey over the `pike` and `kyyti` networks) with a
 *   round closed last year and one open from this January to the end of next year, a web
 *   collector `/s/demo`, a kiosk `/k/demo`, a paper-entry collector, a link-after-chat collector
 *   and QR collectors for a handful of libraries;
 * - study `demo-staff` (staff survey 2018; confidential, one-time tokens) at `/s/demo-staff`, with
 *   the known demo tokens `demoStaffTokens`, and a link per workplace (`/s/staff-<library>`);
 * - study `demo-pulse` (customer-promise pulse in Kyyti) at `/p/demo` on a desk tablet;
 * - a global privacy notice and one for Kyyti; a few real submissions through `submitResponse`;
 * - synthetic responses from a seeded generator (demo-responses.ts) so every report shows
 *   something real, through a QR poster (and some kiosks and paper forms) per library.
 *
 * Everything goes through the collection services as the demo admin, inside loadDemo's
 * transaction. Idempotent: each step looks its key up first; submissions have fixed ids.
 */

/** One-time tokens of `demo-staff` whose plaintext is known (demo only), e.g. for end-to-end tests. */
export const demoStaffTokens: readonly string[] = ['F222', 'F223', 'F224', 'F225', 'F226', 'F227', 'F228', 'F229', 'F232', 'F233'].map((tail) =>
	formatCode(`DEMASTAF${tail}`)
);

const demoInstruments: { key: string; templateKey: string; kind: InstrumentKind; name: LocalizedText }[] = [
	{ key: 'demo-customer-service', templateKey: 'customer-service-survey', kind: 'survey', name: { fi: 'Asiakaspalvelukysely', sv: 'Kundserviceenkät', en: 'Customer service survey' } },
	{ key: 'demo-staff-2018', templateKey: 'staff-survey-2018', kind: 'staff_survey', name: { fi: 'Henkilöstökysely 2018', sv: 'Personalenkät 2018', en: 'Staff survey 2018' } },
	{ key: 'demo-customer-promise', templateKey: 'customer-promise-pulse', kind: 'pulse', name: { fi: 'Asiakaslupauksen pulssi', sv: 'Kundlöftets puls', en: 'Customer-promise pulse' } },
	{ key: 'demo-training-feedback', templateKey: 'training-day-feedback', kind: 'feedback', name: { fi: 'Koulutuspäivän palaute', sv: 'Respons på utbildningsdagen', en: 'Training-day feedback' } }
];

interface DemoCollector {
	slug: string;
	channel: Channel;
	mode?: CollectorMode;
	library: string | null;
}

const customerCollectors: DemoCollector[] = [
	{ slug: 'demo', channel: 'web', library: 'tampere-metso' },
	{ slug: 'demo', channel: 'kiosk', library: 'tampere-metso' },
	{ slug: 'demo-paper', channel: 'paper', library: 'tampere-metso' },
	{ slug: 'demo-chat', channel: 'link', library: 'jyvaskyla-main' },
	{ slug: 'tampere-hervanta', channel: 'qr', library: 'tampere-hervanta' },
	{ slug: 'pirkkala', channel: 'qr', library: 'pirkkala-main' },
	{ slug: 'jyvaskyla', channel: 'qr', library: 'jyvaskyla-main' },
	{ slug: 'kouvola', channel: 'qr', library: 'kouvola-main' }
];

/** The listed collectors, then every other one the generated responses come through (a QR poster per library and so on). */
function allCustomerCollectors(): DemoCollector[] {
	const all: DemoCollector[] = [...customerCollectors];
	const seen = new Set(all.map((collector) => `${collector.mode ?? defaultMode(collector.channel, 'survey')}/${collector.slug}`));
	for (const extra of demoResponseCollectors()) {
		if (seen.has(`${extra.mode}/${extra.slug}`)) continue;
		seen.add(`${extra.mode}/${extra.slug}`);
		all.push({ slug: extra.slug, channel: extra.channel, mode: extra.mode, library: extra.library });
	}
	return all;
}

export async function loadDemoCollection(deps: Deps): Promise<void> {
	const admin = await demoAdmin(deps);
	if (!admin) {
		deps.log.warn('demo admin account missing; collection demo skipped');
		return;
	}
	const instrumentIds = new Map<string, number>();
	for (const spec of demoInstruments) instrumentIds.set(spec.key, await ensureInstrument(deps, admin, spec));
	const now = deps.now();
	const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', year: 'numeric' }).format(now));
	const thisYear = { key: String(year), opensAt: new Date(`${year}-01-01T00:00:00+02:00`), closesAt: new Date(`${year + 2}-01-01T00:00:00+02:00`) };
	const lastYear = { key: String(year - 1), opensAt: new Date(`${year - 1}-09-01T00:00:00+03:00`), closesAt: new Date(`${year - 1}-11-01T00:00:00+02:00`) };

	const customer = await ensureStudy(deps, admin, {
		key: 'demo-customer',
		name: { fi: 'Asiakaspalvelukysely (demo)', sv: 'Kundserviceenkät (demo)', en: 'Customer service survey (demo)' },
		instrumentId: instrumentIds.get('demo-customer-service')!,
		scope: [await unit(deps, 'network', 'pike'), await unit(deps, 'network', 'kyyti')]
	});
	await ensureRound(deps, admin, customer, lastYear, { fi: `Kierros ${year - 1}`, sv: `Omgång ${year - 1}`, en: `Round ${year - 1}` });
	await ensureRound(deps, admin, customer, thisYear, { fi: `Kierros ${year}`, sv: `Omgång ${year}`, en: `Round ${year}` });
	await ensureCollectors(deps, admin, customer, allCustomerCollectors(), 'survey');

	const staff = await ensureStudy(deps, admin, {
		key: 'demo-staff',
		name: { fi: 'Henkilöstökysely (demo)', sv: 'Personalenkät (demo)', en: 'Staff survey (demo)' },
		instrumentId: instrumentIds.get('demo-staff-2018')!,
		scope: [await unit(deps, 'network', 'pike')],
		confidential: true,
		usesTokens: true
	});
	const staffRound = await ensureRound(deps, admin, staff, thisYear, { fi: `Kierros ${year}`, sv: `Omgång ${year}`, en: `Round ${year}` });
	const staffLinks = demoStaffCollectors().map((link): DemoCollector => ({ slug: link.slug, channel: 'web', library: link.library }));
	await ensureCollectors(deps, admin, staff, [{ slug: 'demo-staff', channel: 'web', library: null }, ...staffLinks], 'staff_survey');
	await ensureDemoTokens(deps, staff, staffRound, now);

	const pulse = await ensureStudy(deps, admin, {
		key: 'demo-pulse',
		name: { fi: 'Asiakaslupauksen pulssi (demo)', sv: 'Kundlöftets puls (demo)', en: 'Customer-promise pulse (demo)' },
		instrumentId: instrumentIds.get('demo-customer-promise')!,
		scope: [await unit(deps, 'network', 'kyyti')]
	});
	await ensureRound(deps, admin, pulse, thisYear, { fi: `Kierros ${year}`, sv: `Omgång ${year}`, en: `Round ${year}` });
	await ensureCollectors(deps, admin, pulse, [{ slug: 'demo', channel: 'kiosk', mode: 'pulse', library: 'kouvola-main' }], 'pulse');

	await ensureNotices(deps, admin);
	await submitDemoResponses(deps);
}

async function demoAdmin(deps: Deps): Promise<Actor | undefined> {
	const user = await findUserByEmail(deps.db, 'admin@aspa.example');
	if (!user) return undefined;
	return { id: user.id, email: user.email, displayName: user.displayName, locale: 'fi', grants: [{ role: 'admin', scopeType: 'global', scopeId: null }] };
}

async function unit(deps: Deps, type: 'network' | 'library', key: string): Promise<{ type: 'network' | 'library'; id: number }> {
	const id = await findScopeIdByKey(deps.db, type, key);
	if (id === undefined) throw new Error(`The collection demo needs the demo ${type} '${key}'.`);
	return { type, id };
}

async function ensureInstrument(deps: Deps, admin: Actor, spec: (typeof demoInstruments)[number]): Promise<number> {
	const existing = await findInstrumentByKey(deps.db, spec.key);
	const id = existing?.id ?? (await createInstrument(deps, admin, { ...spec, isDemo: true })).instrument.id;
	if ((await findLatestPublishedVersionId(deps.db, id)) === undefined && (await findDraftVersion(deps.db, id))) {
		const published = await publishInstrument(deps, admin, id);
		if (!published.ok) throw new Error(`Demo instrument ${spec.key} does not publish: ${published.issues[0]?.message ?? ''}`);
	}
	return id;
}

async function ensureStudy(deps: Deps, admin: Actor, input: Parameters<typeof createStudy>[2]): Promise<number> {
	const existing = await findStudyByKey(deps.db, input.key);
	return existing?.id ?? (await createStudy(deps, admin, { ...input, isDemo: true })).id;
}

async function ensureRound(deps: Deps, admin: Actor, studyId: number, times: { key: string; opensAt: Date; closesAt: Date }, name: LocalizedText): Promise<number> {
	const existing = await findRoundByKey(deps.db, studyId, times.key);
	return existing?.id ?? (await createRound(deps, admin, { studyId, ...times, name })).id;
}

/** Adds the collectors of a study that are missing (by mode and slug), checking the study's access once. */
async function ensureCollectors(deps: Deps, admin: Actor, studyId: number, specs: readonly DemoCollector[], kind: InstrumentKind): Promise<void> {
	const missing: DemoCollector[] = [];
	for (const spec of specs) if (!(await findCollectorBySlug(deps.db, spec.mode ?? defaultMode(spec.channel, kind), spec.slug))) missing.push(spec);
	if (missing.length === 0) return;
	const now = deps.now();
	const access = await loadStudyAccess(deps.db, studyId, now);
	requireManageStudy(admin, access);
	for (const spec of missing) {
		const libraryId = spec.library === null ? null : (await unit(deps, 'library', spec.library)).id;
		await addCollector(deps.db, admin, access, { libraryId, channel: spec.channel, mode: spec.mode ?? defaultMode(spec.channel, kind), slug: spec.slug }, now);
	}
}

async function ensureDemoTokens(deps: Deps, studyId: number, roundId: number, now: Date): Promise<void> {
	const hashes = demoStaffTokens.map((token) => hashCode('token', token.replaceAll('-', '')));
	const known = await existingTokenHashes(deps.db, hashes);
	const missing = hashes.filter((hash) => !known.has(hash));
	if (missing.length > 0) await insertTokens(deps.db, missing.map((hash) => ({ hash, studyId, roundId, batch: 1 })), now);
}

async function ensureNotices(deps: Deps, admin: Actor): Promise<void> {
	if (!(await findPrivacyNotice(deps.db, { type: 'global', id: null }))) {
		await setPrivacyNotice(deps, admin, { type: 'global' }, {
			controller: { fi: 'Aspa-demo: kyselyn tekevä kirjastoverkosto.', sv: 'Aspa-demo: biblioteksnätverket som gör enkäten.', en: 'Aspa demo: the library network that runs the survey.' },
			purpose: {
				fi: 'Asiakaspalvelun arviointi ja kehittäminen. Vastaukset ovat nimettömiä; IP-osoitteita ei tallenneta.',
				sv: 'Bedömning och utveckling av kundservicen. Svaren är anonyma; IP-adresser sparas inte.',
				en: 'Assessing and improving customer service. Answers are anonymous; IP addresses are not stored.'
			},
			retention: { fi: 'Vastauksia säilytetään viisi vuotta.', sv: 'Svaren sparas i fem år.', en: 'Answers are kept for five years.' },
			contact: { fi: 'aspa-demo@example.fi', sv: 'aspa-demo@example.fi', en: 'aspa-demo@example.fi' }
		});
	}
	const kyyti = await unit(deps, 'network', 'kyyti');
	if (!(await findPrivacyNotice(deps.db, { type: 'network', id: kyyti.id }))) {
		await setPrivacyNotice(deps, admin, { type: 'network', id: kyyti.id }, {
			controller: { fi: 'Kyyti-kirjastot (demo).', sv: 'Kyyti-biblioteken (demo).', en: 'Kyyti libraries (demo).' },
			purpose: { fi: 'Asiakaslupauksen seuranta.', sv: 'Uppföljning av kundlöftet.', en: 'Following up the customer promise.' },
			retention: { fi: 'Vastauksia säilytetään kolme vuotta.', sv: 'Svaren sparas i tre år.', en: 'Answers are kept for three years.' },
			contact: { fi: 'kyyti-demo@example.fi', sv: 'kyyti-demo@example.fi', en: 'kyyti-demo@example.fi' }
		});
	}
}

/** A few real answers through the submission path, with fixed submission ids (stored once). */
async function submitDemoResponses(deps: Deps): Promise<void> {
	const scale = (values: number[]): RawFormData =>
		Object.fromEntries(['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'future_use'].map((id, i) => [`q.${id}`, String(values[i % values.length])]));
	const customer: { values: RawFormData; language: string; collector: { mode: CollectorMode; slug: string } }[] = [
		{ collector: { mode: 'survey', slug: 'demo' }, language: 'fi', values: { ...scale([5, 5, 4, 5, 3, 3, 4]), 'q.channels': ['library_visit', 'web_library'], 'q.digital_services': '4', 'q.age_band': '45-64', 'q.education': 'higher', 'q.life_situation': 'working', 'q.home_library': 'tampere-metso', 'q.develop': 'Enemmän aukioloaikoja iltaisin.' } },
		{ collector: { mode: 'survey', slug: 'demo' }, language: 'sv', values: { ...scale([4, 4, 4, 3, 4, 2, 3]), 'q.channels': ['library_visit'], 'q.age_band': '65-plus', 'q.life_situation': 'senior', 'q.home_library': 'tampere-metso' } },
		{ collector: { mode: 'survey', slug: 'demo' }, language: 'en', values: { ...scale([5, 4, 5, 5, 5, 4, 5]), 'q.channels': ['e_materials', 'chat'], 'q.digital_services': '5', 'q.age_band': '15-29', 'q.education': 'upper_secondary', 'q.life_situation': 'student', 'q.home_library': 'tampere-hervanta' } },
		{ collector: { mode: 'kiosk', slug: 'demo' }, language: 'fi', values: { ...scale([5, 5, 5, 4, 4, 3, 4]), 'q.channels': ['library_visit', 'mobile_library'], 'q.age_band': '30-44', 'q.life_situation': 'family' } },
		{ collector: { mode: 'kiosk', slug: 'demo' }, language: 'fi', values: { ...scale([3, 4, 3, 3, 2, 2, 3]), 'q.channels': ['library_visit'], 'q.age_band': '45-64', 'q.develop': 'Henkilökunta voisi kertoa uutuuksista.' } },
		{ collector: { mode: 'pulse', slug: 'demo' }, language: 'fi', values: { 'q.satisfaction': '4', 'q.topic': 'service' } },
		{ collector: { mode: 'pulse', slug: 'demo' }, language: 'fi', values: { 'q.satisfaction': '3', 'q.topic': 'premises' } }
	];
	for (const [index, entry] of customer.entries()) {
		const submissionId = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
		await submitResponse(deps, { collector: entry.collector, submissionId, values: entry.values, language: entry.language });
	}
}
