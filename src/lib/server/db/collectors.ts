import { sql, type Selectable } from 'kysely';
import type { Db } from './client.ts';
import type { Channel, CollectorMode, CollectorTable, InstrumentKind } from './schema.ts';
import type { RoundRow } from './rounds.ts';
import type { StudyRow } from './studies.ts';
import { preparedMark } from './prepared.ts';

/** Collectors: a study's library × channel, with the slug of its respondent page. */

export type CollectorRow = Selectable<CollectorTable>;

export interface CollectorWithLibrary extends CollectorRow {
	libraryKey: string | null;
	libraryNameFi: string | null;
	libraryNameSv: string | null;
}

export async function insertCollector(
	db: Db,
	row: {
		studyId: number;
		libraryId: number | null;
		channel: Channel;
		mode: CollectorMode;
		slug: string;
		frameOrigins: readonly string[];
		settings: Record<string, unknown>;
		now: Date;
	}
): Promise<CollectorRow> {
	return db
		.insertInto('collector')
		.values({
			studyId: row.studyId,
			libraryId: row.libraryId,
			channel: row.channel,
			mode: row.mode,
			slug: row.slug,
			frameOrigins: JSON.stringify(row.frameOrigins),
			settings: JSON.stringify(row.settings),
			createdAt: row.now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function findCollector(db: Db, id: number): Promise<CollectorRow | undefined> {
	return db.selectFrom('collector').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCollectorBySlug(db: Db, mode: CollectorMode, slug: string): Promise<CollectorRow | undefined> {
	return db.selectFrom('collector').selectAll().where('mode', '=', mode).where('slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Db, mode: CollectorMode, slug: string): Promise<boolean> {
	const row = await db.selectFrom('collector').select('id').where('mode', '=', mode).where('slug', '=', slug).executeTakeFirst();
	return row !== undefined;
}

/** A study's collectors with their libraries, by library name then channel. */
export async function listCollectors(db: Db, studyId: number, options: { includeArchived?: boolean } = {}): Promise<CollectorWithLibrary[]> {
	let query = db
		.selectFrom('collector as c')
		.leftJoin('library as l', 'l.id', 'c.libraryId')
		.selectAll('c')
		.select(['l.key as libraryKey', 'l.nameFi as libraryNameFi', 'l.nameSv as libraryNameSv'])
		.where('c.studyId', '=', studyId)
		.orderBy('l.nameFi')
		.orderBy('c.channel')
		.orderBy('c.id');
	if (!options.includeArchived) query = query.where('c.archivedAt', 'is', null);
	return query.execute();
}

export async function updateCollector(
	db: Db,
	id: number,
	changes: { slug?: string; frameOrigins?: readonly string[]; settings?: Record<string, unknown>; archivedAt?: Date | null }
): Promise<CollectorRow> {
	const { frameOrigins, settings, ...rest } = changes;
	if (frameOrigins === undefined && settings === undefined && Object.values(rest).every((value) => value === undefined)) {
		return db.selectFrom('collector').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}
	return db
		.updateTable('collector')
		.set({
			...rest,
			...(frameOrigins === undefined ? {} : { frameOrigins: JSON.stringify(frameOrigins) }),
			...(settings === undefined ? {} : { settings: JSON.stringify(settings) })
		})
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/**
 * A collector with its study, the instrument's kind and the study's rounds (earliest first, as a
 * jsonb array) in ONE query: the hot path of every respondent page and submission.
 */
export async function findRespondentCollector(
	db: Db,
	ref: { id: number } | { mode: CollectorMode; slug: string }
): Promise<{ collector: CollectorRow; study: StudyRow; instrumentKind: InstrumentKind; rounds: RoundRow[] } | undefined> {
	const where = 'id' in ref ? sql`c.id = ${ref.id}` : sql`c.mode = ${ref.mode} and c.slug = ${ref.slug}`;
	const result = await sql<RespondentRow>`${sql.raw(preparedMark)}
		select c.id, c.study_id, c.library_id, c.channel, c.mode, c.slug, c.frame_origins, c.settings, c.created_at, c.archived_at,
			s.key as s_key, s.name as s_name, s.instrument_id as s_instrument_id, s.confidential as s_confidential,
			s.uses_tokens as s_uses_tokens, s.one_per_device as s_one_per_device, s.is_demo as s_is_demo, s.created_by as s_created_by,
			s.created_at as s_created_at, s.updated_at as s_updated_at, s.archived_at as s_archived_at, s.report_settings as s_report_settings, i.kind as instrument_kind,
			(select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'studyId', r.study_id, 'key', r.key, 'name', r.name,
					'instrumentVersionId', r.instrument_version_id, 'opensAt', r.opens_at, 'closesAt', r.closes_at, 'createdAt', r.created_at)
					order by r.opens_at, r.id), '[]'::jsonb)
				from study_round r where r.study_id = c.study_id) as rounds
		from collector c
		join study s on s.id = c.study_id
		join instrument i on i.id = s.instrument_id
		where ${where}`.execute(db);
	const row = result.rows[0];
	if (!row) return undefined;
	return {
		collector: {
			id: row.id,
			studyId: row.studyId,
			libraryId: row.libraryId,
			channel: row.channel,
			mode: row.mode,
			slug: row.slug,
			frameOrigins: row.frameOrigins,
			settings: row.settings,
			createdAt: row.createdAt,
			archivedAt: row.archivedAt
		},
		study: {
			id: row.studyId,
			key: row.sKey,
			name: row.sName,
			instrumentId: row.sInstrumentId,
			confidential: row.sConfidential,
			usesTokens: row.sUsesTokens,
			onePerDevice: row.sOnePerDevice,
			isDemo: row.sIsDemo,
			createdBy: row.sCreatedBy,
			createdAt: row.sCreatedAt,
			updatedAt: row.sUpdatedAt,
			archivedAt: row.sArchivedAt,
			reportSettings: row.sReportSettings
		},
		instrumentKind: row.instrumentKind,
		rounds: row.rounds.map((round) => ({
			...round,
			opensAt: new Date(round.opensAt),
			closesAt: new Date(round.closesAt),
			createdAt: new Date(round.createdAt)
		}))
	};
}

/** A row of `findRespondentCollector` as the CamelCasePlugin hands it back (jsonb insides as built). */
interface RespondentRow extends CollectorRow {
	sKey: string;
	sName: StudyRow['name'];
	sInstrumentId: number;
	sConfidential: boolean;
	sUsesTokens: boolean;
	sOnePerDevice: boolean;
	sIsDemo: boolean;
	sCreatedBy: number | null;
	sCreatedAt: Date;
	sUpdatedAt: Date;
	sArchivedAt: Date | null;
	sReportSettings: StudyRow['reportSettings'];
	instrumentKind: InstrumentKind;
	rounds: (Omit<RoundRow, 'opensAt' | 'closesAt' | 'createdAt'> & { opensAt: string; closesAt: string; createdAt: string })[];
}
