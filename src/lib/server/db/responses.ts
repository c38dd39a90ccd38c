import { sql, type Selectable } from 'kysely';
import type { AnswerFacet } from '#lib/core/instrument/facets.ts';
import { removeFromCube } from './answer-cube.ts';
import type { Db } from './client.ts';
import type { Channel, ResponseTable } from './schema.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { preparedMark } from './prepared.ts';

/**
 * Responses and their answer rows (DESIGN.md "What reports query"). A response is written once and
 * never updated; a retry of the same submission id stores nothing new (`insertResponseOnce`).
 */

export type ResponseRow = Selectable<ResponseTable>;

export interface NewResponse {
	submissionId: string;
	studyId: number;
	roundId: number;
	libraryId: number | null;
	/** Null for a response imported from a file (ADR 0020): it came through no collector. */
	collectorId: number | null;
	channel: Channel;
	language: Locale;
	instrumentVersionId: number;
	submittedAt: Date;
	ageBand: string | null;
	gender: string | null;
	education: string | null;
	lifeSituation: string | null;
	homeLibraryId: number | null;
	segments: Record<string, string>;
	enteredBy: number | null;
	answerDigest: string;
}

export interface StoreResponseInput {
	row: NewResponse;
	facets: readonly AnswerFacet[];
	/** Flag the row `burst` when at least `threshold` responses with its digest reached the collector in the window. */
	burst: { threshold: number; windowSeconds: number } | null;
	/** Use this one-time token (its hash) of the round; nothing is stored unless it is unused. */
	token?: { hash: string; usedAt: Date };
	/** Delete the saved progress under this resume-code hash once the response is stored. */
	resumeHash?: string;
	/**
	 * Store only if the collector, study and round still are as the caller checked the answers
	 * against (a cached collector context, ADR 0022): neither archived, the round open at
	 * `submittedAt` and pinning `instrumentVersionId`, and the flags and channel unchanged.
	 * Otherwise nothing is written (no token is used either) and undefined comes back.
	 */
	guard?: { usesTokens: boolean; onePerDevice: boolean };
}

/**
 * Stores a response in ONE statement (so one transaction and one round trip): the token update,
 * the response row, its answer rows and open texts, the saved progress it was resumed from, and
 * its `cube_pending` row (the next fold adds it to the answer cube; ADR 0015).
 * Answer rows travel as one jsonb parameter (`jsonb_to_recordset`), so the statement has the same
 * shape whatever the answers.
 *
 * Returns the new row, or undefined when nothing was stored: the submission id is stored already
 * (`on conflict do nothing`: a concurrent duplicate waits for the first to commit, then inserts
 * nothing), or the token was unknown or used. The caller tells these apart.
 */
export async function storeResponse(db: Db, input: StoreResponseInput): Promise<{ id: number; flag: 'burst' | null } | undefined> {
	const { row, facets, burst, token } = input;
	const answers = facets
		.filter((facet) => facet.optionCode !== undefined || facet.numberValue !== undefined || facet.dateValue !== undefined || facet.isNa || facet.text === undefined)
		.map((facet) => ({
			item_id: facet.itemId,
			facet: facet.facet,
			option_code: facet.optionCode ?? null,
			number_value: facet.numberValue ?? null,
			date_value: facet.dateValue ?? null,
			is_na: facet.isNa
		}));
	const texts = facets.flatMap((facet) => (facet.text === undefined ? [] : [{ item_id: facet.itemId, facet: facet.facet, text: facet.text }]));
	const since = new Date(row.submittedAt.getTime() - (burst?.windowSeconds ?? 0) * 1000);
	const flag = burst
		? // Counts at most `threshold` earlier copies, so a flood of identical answers costs no more per insert than the rule needs.
			sql`case when (select count(*) from (select from response s where s.collector_id = ${row.collectorId} and s.answer_digest = ${row.answerDigest}
				and s.submitted_at > ${since} and s.submitted_at <= ${row.submittedAt} limit ${burst.threshold}) earlier) >= ${burst.threshold} then 'burst' end`
		: sql`null`;
	const tokenCte = token
		? sql`token as (
				update response_token set used_at = ${token.usedAt}
				where id = ${token.hash} and round_id = ${row.roundId} and used_at is null
					and not exists (select 1 from response where submission_id = ${row.submissionId})
					${input.guard ? sql`and exists (select from guard)` : sql``}
				returning id
			),`
		: sql``;
	const guard = input.guard
		? sql`guard as (
				select from collector c join study s on s.id = c.study_id join study_round r on r.study_id = s.id
				where c.id = ${row.collectorId}::int and r.id = ${row.roundId}::int and c.archived_at is null and s.archived_at is null
					and c.library_id is not distinct from ${row.libraryId}::int and c.channel = ${row.channel}
					and s.uses_tokens = ${input.guard.usesTokens} and s.one_per_device = ${input.guard.onePerDevice}
					and r.instrument_version_id = ${row.instrumentVersionId}::int
					and r.opens_at <= ${row.submittedAt}::timestamptz and r.closes_at > ${row.submittedAt}::timestamptz
			),`
		: sql``;
	const conditions = [...(token ? [sql`exists (select from token)`] : []), ...(input.guard ? [sql`exists (select from guard)`] : [])];
	const storeIf = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
	const result = await sql<{ id: number; flag: 'burst' | null }>`${sql.raw(preparedMark)}
		with ${guard} ${tokenCte} stored as (
			insert into response (submission_id, study_id, round_id, library_id, collector_id, channel, language, instrument_version_id,
				submitted_at, age_band, gender, education, life_situation, home_library_id, segments, entered_by, answer_digest, flag)
			select ${row.submissionId}::uuid, ${row.studyId}::int, ${row.roundId}::int, ${row.libraryId}::int, ${row.collectorId}::int, ${row.channel},
				${row.language}, ${row.instrumentVersionId}::int, ${row.submittedAt}::timestamptz, ${row.ageBand}, ${row.gender}, ${row.education},
				${row.lifeSituation}, ${row.homeLibraryId}::int, ${JSON.stringify(row.segments)}::jsonb, ${row.enteredBy}::int, ${row.answerDigest}, ${flag}
			${storeIf}
			on conflict (submission_id) do nothing
			returning id, flag
		),
		answers as (
			insert into answer (response_id, item_id, facet, option_code, number_value, date_value, is_na)
			select stored.id, a.item_id, a.facet, a.option_code, a.number_value, a.date_value, a.is_na
			from stored, jsonb_to_recordset(${JSON.stringify(answers)}::jsonb)
				as a(item_id text, facet text, option_code text, number_value numeric, date_value date, is_na boolean)
		),
		texts as (
			insert into answer_text (response_id, item_id, facet, text)
			select stored.id, t.item_id, t.facet, t.text
			from stored, jsonb_to_recordset(${JSON.stringify(texts)}::jsonb) as t(item_id text, facet text, text text)
		),
		resumed as (
			delete from partial_response where id = ${input.resumeHash ?? null} and exists (select 1 from stored)
		),
		pending as (
			insert into cube_pending (response_id, study_id) select stored.id, ${row.studyId}::int from stored
		)
		select id, flag from stored`.execute(db);
	return result.rows[0];
}

export async function findResponseBySubmission(db: Db, submissionId: string): Promise<{ id: number; flag: 'burst' | null } | undefined> {
	return db.selectFrom('response').select(['id', 'flag']).where('submissionId', '=', submissionId).executeTakeFirst();
}

export async function findResponse(db: Db, id: number): Promise<ResponseRow | undefined> {
	return db.selectFrom('response').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored answer rows of a response joined with their texts, in the shape `unflattenFacets` reads. */
export async function listAnswerFacets(db: Db, responseId: number): Promise<AnswerFacet[]> {
	const [answers, texts] = await Promise.all([
		db.selectFrom('answer').selectAll().where('responseId', '=', responseId).execute(),
		db.selectFrom('answerText').selectAll().where('responseId', '=', responseId).execute()
	]);
	const facets: AnswerFacet[] = answers.map((row) => {
		const text = texts.find((t) => t.itemId === row.itemId && t.facet === row.facet)?.text;
		return {
			itemId: row.itemId,
			facet: row.facet,
			isNa: row.isNa,
			...(row.optionCode === null ? {} : { optionCode: row.optionCode }),
			...(row.numberValue === null ? {} : { numberValue: row.numberValue }),
			...(row.dateValue === null ? {} : { dateValue: row.dateValue }),
			...(text === undefined ? {} : { text })
		};
	});
	for (const text of texts) {
		if (!answers.some((row) => row.itemId === text.itemId && row.facet === text.facet)) {
			facets.push({ itemId: text.itemId, facet: text.facet, isNa: false, text: text.text });
		}
	}
	return facets;
}

/**
 * Deletes a response with its answers, taking it out of the answer cube in the same transaction
 * (the caller's, or one of its own).
 */
export async function deleteResponse(db: Db, id: number): Promise<boolean> {
	const remove = async (trx: Db) => {
		await removeFromCube(trx, id);
		const result = await trx.deleteFrom('response').where('id', '=', id).executeTakeFirst();
		return Number(result.numDeletedRows) === 1;
	};
	return db.isTransaction ? remove(db) : db.transaction().execute(remove);
}

export interface ResponseCount {
	roundId: number;
	libraryId: number | null;
	channel: Channel;
	count: number;
	flagged: number;
}

/** Responses per round × library × channel: one grouped count over the study's index. */
export async function countResponses(db: Db, studyId: number): Promise<ResponseCount[]> {
	return db
		.selectFrom('response')
		.select(['roundId', 'libraryId', 'channel'])
		.select(sql<number>`count(*)::int`.as('count'))
		.select(sql<number>`(count(*) filter (where flag is not null))::int`.as('flagged'))
		.where('studyId', '=', studyId)
		.groupBy(['roundId', 'libraryId', 'channel'])
		.orderBy('roundId')
		.orderBy('libraryId')
		.orderBy('channel')
		.execute();
}

export interface ResponseListRow {
	id: number;
	submittedAt: Date;
	roundId: number;
	libraryId: number | null;
	libraryNameFi: string | null;
	channel: Channel;
	language: Locale;
	flag: 'burst' | null;
	enteredBy: number | null;
}

/**
 * A page of a study's responses, newest first. `libraryIds` limits the libraries (null: any);
 * `before` is the id of the last row of the previous page.
 */
export async function listResponses(
	db: Db,
	filter: { studyId: number; roundId?: number; libraryIds: readonly number[] | null; flaggedOnly?: boolean; limit: number; before?: number }
): Promise<ResponseListRow[]> {
	let query = db
		.selectFrom('response as r')
		.leftJoin('library as l', 'l.id', 'r.libraryId')
		.select(['r.id', 'r.submittedAt', 'r.roundId', 'r.libraryId', 'l.nameFi as libraryNameFi', 'r.channel', 'r.language', 'r.flag', 'r.enteredBy'])
		.where('r.studyId', '=', filter.studyId)
		.orderBy('r.id', 'desc')
		.limit(filter.limit);
	if (filter.roundId !== undefined) query = query.where('r.roundId', '=', filter.roundId);
	if (filter.libraryIds !== null) {
		if (filter.libraryIds.length === 0) return [];
		query = query.where('r.libraryId', 'in', filter.libraryIds);
	}
	if (filter.flaggedOnly) query = query.where('r.flag', 'is not', null);
	if (filter.before !== undefined) query = query.where('r.id', '<', filter.before);
	return query.execute();
}

export async function studyHasResponses(db: Db, studyId: number): Promise<boolean> {
	const row = await db.selectFrom('response').select('id').where('studyId', '=', studyId).limit(1).executeTakeFirst();
	return row !== undefined;
}

export async function roundHasResponses(db: Db, roundId: number): Promise<boolean> {
	const row = await db.selectFrom('response').select('id').where('roundId', '=', roundId).limit(1).executeTakeFirst();
	return row !== undefined;
}
