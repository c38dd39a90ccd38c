import { sql } from 'kysely';
import type { AnswerFacet } from '#lib/core/instrument/facets.ts';
import type { Db } from './client.ts';
import type { NewResponse } from './responses.ts';

/**
 * Many responses at once (the demo's synthetic data): the same rows `storeResponse` writes — the
 * response row with its segment values, one answer row per facet, open texts apart, and its
 * `cube_pending` row (the caller then folds them, or rebuilds the study's cube) — but a whole batch in one statement
 * instead of one round trip per response. A submission id stored already
 * is skipped with its answers, so loading the same batch twice stores it once. No burst flag, no
 * token check: callers are trusted loaders, not respondents.
 */

export interface BatchResponse {
	row: NewResponse;
	facets: readonly AnswerFacet[];
}

/** Answer rows as `storeResponse` keeps them: everything but pure text (text goes to `answer_text`). */
export function answerRowsOf(facets: readonly AnswerFacet[]) {
	return facets
		.filter((facet) => facet.optionCode !== undefined || facet.numberValue !== undefined || facet.dateValue !== undefined || facet.isNa || facet.text === undefined)
		.map((facet) => ({
			item_id: facet.itemId,
			facet: facet.facet,
			option_code: facet.optionCode ?? null,
			number_value: facet.numberValue ?? null,
			date_value: facet.dateValue ?? null,
			is_na: facet.isNa
		}));
}

export function textRowsOf(facets: readonly AnswerFacet[]) {
	return facets.flatMap((facet) => (facet.text === undefined ? [] : [{ item_id: facet.itemId, facet: facet.facet, text: facet.text }]));
}

/** Responses per statement: large enough to save round trips, small enough to keep one jsonb parameter modest. */
const chunkSize = 1000;

/**
 * Inserts the responses with their answer rows and texts, `chunkSize` per statement; returns the
 * ids of the responses stored now (those whose submission id was new). Ids follow `submittedAt`.
 */
export async function insertResponseBatch(db: Db, responses: readonly BatchResponse[]): Promise<number[]> {
	const ids: number[] = [];
	for (let start = 0; start < responses.length; start += chunkSize) {
		const input = responses.slice(start, start + chunkSize).map(({ row, facets }) => ({
			submission_id: row.submissionId,
			study_id: row.studyId,
			round_id: row.roundId,
			library_id: row.libraryId,
			collector_id: row.collectorId,
			channel: row.channel,
			language: row.language,
			instrument_version_id: row.instrumentVersionId,
			submitted_at: row.submittedAt.toISOString(),
			age_band: row.ageBand,
			gender: row.gender,
			education: row.education,
			life_situation: row.lifeSituation,
			home_library_id: row.homeLibraryId,
			segments: row.segments,
			entered_by: row.enteredBy,
			answer_digest: row.answerDigest,
			answers: answerRowsOf(facets),
			texts: textRowsOf(facets)
		}));
		const result = await sql<{ id: number }>`
			with input as (
				select * from json_to_recordset(${JSON.stringify(input)}::json) as r(
					submission_id uuid, study_id int, round_id int, library_id int, collector_id int, channel text, language text,
					instrument_version_id int, submitted_at timestamptz, age_band text, gender text, education text, life_situation text,
					home_library_id int, segments jsonb, entered_by int, answer_digest text, answers json, texts json)
			),
			stored as (
				insert into response (submission_id, study_id, round_id, library_id, collector_id, channel, language, instrument_version_id,
					submitted_at, age_band, gender, education, life_situation, home_library_id, segments, entered_by, answer_digest)
				select submission_id, study_id, round_id, library_id, collector_id, channel, language, instrument_version_id,
					submitted_at, age_band, gender, education, life_situation, home_library_id, segments, entered_by, answer_digest
				from input
				order by submitted_at, submission_id
				on conflict (submission_id) do nothing
				returning id, submission_id
			),
			answers as (
				insert into answer (response_id, item_id, facet, option_code, number_value, date_value, is_na)
				select stored.id, a.item_id, a.facet, a.option_code, a.number_value, a.date_value, a.is_na
				from stored join input using (submission_id),
					json_to_recordset(input.answers) as a(item_id text, facet text, option_code text, number_value numeric, date_value date, is_na boolean)
			),
			texts as (
				insert into answer_text (response_id, item_id, facet, text)
				select stored.id, t.item_id, t.facet, t.text
				from stored join input using (submission_id), json_to_recordset(input.texts) as t(item_id text, facet text, text text)
			),
			pending as (
				insert into cube_pending (response_id, study_id) select stored.id, input.study_id from stored join input using (submission_id)
			)
			select id from stored order by id`.execute(db);
		ids.push(...result.rows.map((row) => Number(row.id)));
	}
	return ids;
}

/** How many of these submission ids are stored (to skip a batch that is loaded already). */
export async function countStoredSubmissions(db: Db, submissionIds: readonly string[]): Promise<number> {
	if (submissionIds.length === 0) return 0;
	const result = await sql<{ n: number }>`
		select count(*)::int as n from response
		where submission_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(submissionIds)}::jsonb))`.execute(db);
	return Number(result.rows[0]?.n ?? 0);
}

/**
 * One-time tokens issued, and used on the day given, in one statement; a token stored already is
 * left as it is. The plaintext is never stored, only the hash (as `insertTokens`).
 */
export async function insertTokenBatch(
	db: Db,
	tokens: readonly { hash: string; studyId: number; roundId: number; batch: number; issuedAt: Date; usedAt: Date | null }[]
): Promise<void> {
	if (tokens.length === 0) return;
	const input = tokens.map((token) => ({
		id: token.hash,
		study_id: token.studyId,
		round_id: token.roundId,
		batch: token.batch,
		issued_at: token.issuedAt.toISOString(),
		used_at: token.usedAt?.toISOString() ?? null
	}));
	await sql`
		insert into response_token (id, study_id, round_id, batch, issued_at, used_at)
		select id, study_id, round_id, batch, issued_at, used_at
		from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
			as t(id text, study_id int, round_id int, batch int, issued_at timestamptz, used_at timestamptz)
		on conflict (id) do nothing`.execute(db);
}
