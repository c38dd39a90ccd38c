import { AppError } from '#lib/core/errors.ts';
import type { CollectorMode } from '#lib/core/collection/collectors.ts';
import { currentRound, roundStatus, type RoundStatus } from '#lib/core/collection/rounds.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import { localDate } from '#lib/core/local-date.ts';
import type { Db } from '#lib/server/db/client.ts';
import { findLatestPublishedVersionId } from '#lib/server/db/instruments.ts';
import { findRespondentCollector, type CollectorRow } from '#lib/server/db/collectors.ts';
import type { RoundRow } from '#lib/server/db/rounds.ts';
import { listStudyLibraryOptions, type LibraryOption, type StudyRow } from '#lib/server/db/studies.ts';
import type { InstrumentKind } from '#lib/server/db/schema.ts';
import { publishedInstrument } from './published-instruments.ts';

/** How respondent pages and the API name a collector: `/k/demo` is `{ mode: 'kiosk', slug: 'demo' }`. */
export type CollectorRef = { mode: CollectorMode; slug: string } | { id: number };

/**
 * Everything a respondent page and a submission start from: the live collector, its study, the
 * round the page shows (open, else next, else last; see `currentRound`) with the instrument it
 * pins, and the study's libraries as options. Not a use case; shared by the respondent services.
 */
export interface CollectorContext {
	collector: CollectorRow;
	study: StudyRow;
	instrumentKind: InstrumentKind;
	round: RoundRow | undefined;
	status: RoundStatus;
	instrument: Instrument;
	instrumentVersionId: number;
	libraries: LibraryOption[];
	optionSources: OptionSources;
}

export function describeRef(ref: CollectorRef): string {
	return 'id' in ref ? `collector ${ref.id}` : `collector ${ref.mode}/${ref.slug}`;
}

/**
 * `cached`: a submission may start from what was read for the same collector in the last few
 * seconds (ADR 0022). Such a context may only admit a submission, never refuse one, and the
 * statement that stores the response re-checks that collector, study and round are still as read
 * (`storeResponse`'s guard); a refusal or a failed guard is decided again on a fresh read. Every
 * fresh read (each page view) renews the cached one.
 */
export async function loadCollectorContext(db: Db, ref: CollectorRef, now: Date, options: { cached?: boolean } = {}): Promise<CollectorContext> {
	const found = (options.cached ? recentCollector(db, ref, now) : undefined) ?? (await readCollector(db, ref, now));
	if (!found || found.collector.archivedAt !== null || found.study.archivedAt !== null) {
		throw new AppError('not_found', 'collector_not_found', `No open ${describeRef(ref)}.`);
	}
	const { collector, study, instrumentKind, rounds } = found;
	const libraries = await studyLibraryOptions(db, study.id, localDate(now), now);
	const round = currentRound(rounds, now);
	const instrumentVersionId = round?.instrumentVersionId ?? (await findLatestPublishedVersionId(db, study.instrumentId));
	if (instrumentVersionId === undefined) {
		throw new AppError('not_found', 'instrument_not_published', `Study ${study.id} has no round and no published instrument version.`);
	}
	return {
		collector,
		study,
		instrumentKind,
		round,
		status: round ? roundStatus(round, now) : 'not_yet_open',
		instrument: await publishedInstrument(db, instrumentVersionId),
		instrumentVersionId,
		libraries,
		optionSources: {
			libraries: libraries.map((library) => ({ code: library.key, label: { fi: library.nameFi, ...(library.nameSv ? { sv: library.nameSv } : {}) } }))
		}
	};
}

/**
 * The study's libraries change rarely (a library joins a network), but reading them is the
 * costliest part of opening a collector, so each process keeps them for a minute per study and
 * day. A new library appears in the options at most a minute late. Per database handle, as for
 * published instruments.
 */
const libraryCache = new WeakMap<Db, Map<string, { libraries: LibraryOption[]; until: number }>>();
const libraryTtlMs = 60_000;

async function studyLibraryOptions(db: Db, studyId: number, date: string, now: Date): Promise<LibraryOption[]> {
	const perDb = libraryCache.get(db) ?? new Map<string, { libraries: LibraryOption[]; until: number }>();
	const key = `${studyId}:${date}`;
	const cached = perDb.get(key);
	const clock = now.getTime();
	if (cached && cached.until > clock) return cached.libraries;
	const libraries = await listStudyLibraryOptions(db, studyId, date);
	if (perDb.size > 1000) perDb.clear();
	perDb.set(key, { libraries, until: clock + libraryTtlMs });
	libraryCache.set(db, perDb);
	return libraries;
}

type FoundCollector = NonNullable<Awaited<ReturnType<typeof findRespondentCollector>>>;

const collectorCache = new WeakMap<Db, Map<string, { found: FoundCollector; until: number }>>();
const collectorTtlMs = 10_000;

const refKey = (ref: CollectorRef) => ('id' in ref ? `#${ref.id}` : `${ref.mode}/${ref.slug}`);

function recentCollector(db: Db, ref: CollectorRef, now: Date): FoundCollector | undefined {
	const cached = collectorCache.get(db)?.get(refKey(ref));
	return cached && cached.until > now.getTime() ? cached.found : undefined;
}

async function readCollector(db: Db, ref: CollectorRef, now: Date): Promise<FoundCollector | undefined> {
	const found = await findRespondentCollector(db, ref);
	const perDb = collectorCache.get(db) ?? new Map<string, { found: FoundCollector; until: number }>();
	if (found) {
		if (perDb.size > 1000) perDb.clear();
		perDb.set(refKey(ref), { found, until: now.getTime() + collectorTtlMs });
	} else {
		perDb.delete(refKey(ref));
	}
	collectorCache.set(db, perDb);
	return found;
}

