import type { AnswerFacet } from '#lib/core/instrument/facets.ts';
import type { Locale } from '#lib/core/org-types.ts';
import type { Db } from './client.ts';
import type { Channel } from './schema.ts';

/**
 * Raw responses for the export and what the import checks against (ADR 0020). The export reads a
 * study's responses a page at a time in id order (keyset pagination on the primary key), so a
 * large study streams out in constant memory instead of loading every answer at once.
 */

export interface ExportedResponse {
	id: number;
	submissionId: string;
	roundId: number;
	roundKey: string;
	libraryKey: string | null;
	channel: Channel;
	language: Locale;
	submittedAt: Date;
	instrumentVersionId: number;
	segments: Record<string, string>;
}

export interface ExportPageFilter {
	studyId: number;
	roundId: number | null;
	/** Only responses of these libraries; null: every response, also those without a library. */
	libraryIds: readonly number[] | null;
	/** The id of the last response of the previous page (0 for the first page). */
	afterId: number;
	limit: number;
}

/** One page of a study's responses in id order, with their round and library keys. */
export async function listExportPage(db: Db, filter: ExportPageFilter): Promise<ExportedResponse[]> {
	if (filter.libraryIds !== null && filter.libraryIds.length === 0) return [];
	let query = db
		.selectFrom('response as r')
		.innerJoin('studyRound as sr', 'sr.id', 'r.roundId')
		.leftJoin('library as l', 'l.id', 'r.libraryId')
		.select([
			'r.id',
			'r.submissionId',
			'r.roundId',
			'sr.key as roundKey',
			'l.key as libraryKey',
			'r.channel',
			'r.language',
			'r.submittedAt',
			'r.instrumentVersionId',
			'r.segments'
		])
		.where('r.studyId', '=', filter.studyId)
		.where('r.id', '>', filter.afterId)
		.orderBy('r.id')
		.limit(filter.limit);
	if (filter.roundId !== null) query = query.where('r.roundId', '=', filter.roundId);
	if (filter.libraryIds !== null) query = query.where('r.libraryId', 'in', filter.libraryIds);
	return query.execute();
}

/** The answer rows and open texts of the given responses, by response id, in the shape `unflattenFacets` reads. */
export async function listExportAnswers(db: Db, responseIds: readonly number[]): Promise<Map<number, AnswerFacet[]>> {
	const byResponse = new Map<number, AnswerFacet[]>(responseIds.map((id) => [id, []]));
	if (responseIds.length === 0) return byResponse;
	const [answers, texts] = await Promise.all([
		db
			.selectFrom('answer')
			.select(['responseId', 'itemId', 'facet', 'optionCode', 'numberValue', 'dateValue', 'isNa'])
			.where('responseId', 'in', responseIds)
			.orderBy('responseId')
			.orderBy('itemId')
			.orderBy('facet')
			.execute(),
		db.selectFrom('answerText').select(['responseId', 'itemId', 'facet', 'text']).where('responseId', 'in', responseIds).execute()
	]);
	const textOf = new Map(texts.map((row) => [`${row.responseId}\u0000${row.itemId}\u0000${row.facet}`, row.text]));
	const matched = new Set<string>();
	for (const row of answers) {
		const key = `${row.responseId}\u0000${row.itemId}\u0000${row.facet}`;
		const text = textOf.get(key);
		if (text !== undefined) matched.add(key);
		byResponse.get(row.responseId)?.push({
			itemId: row.itemId,
			facet: row.facet,
			isNa: row.isNa,
			...(row.optionCode === null ? {} : { optionCode: row.optionCode }),
			...(row.numberValue === null ? {} : { numberValue: row.numberValue }),
			...(row.dateValue === null ? {} : { dateValue: row.dateValue }),
			...(text === undefined ? {} : { text })
		});
	}
	// Open-text answers have a text row and no answer row.
	for (const row of texts) {
		if (matched.has(`${row.responseId}\u0000${row.itemId}\u0000${row.facet}`)) continue;
		byResponse.get(row.responseId)?.push({ itemId: row.itemId, facet: row.facet, isNa: false, text: row.text });
	}
	return byResponse;
}

/** Which of these submission ids are stored already (in any study: a submission id is unique). */
export async function listStoredSubmissions(db: Db, submissionIds: readonly string[]): Promise<Map<string, { studyId: number }>> {
	if (submissionIds.length === 0) return new Map();
	const rows = await db.selectFrom('response').select(['submissionId', 'studyId']).where('submissionId', 'in', submissionIds).execute();
	return new Map(rows.map((row) => [row.submissionId, { studyId: row.studyId }]));
}

/** Library ids by key, for the keys an import names. */
export async function findLibraryIdsByKey(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
	if (keys.length === 0) return new Map();
	const rows = await db.selectFrom('library').select(['id', 'key']).where('key', 'in', keys).execute();
	return new Map(rows.map((row) => [row.key, row.id]));
}
