import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from './client.ts';
import type { Database } from './schema.ts';

/**
 * Open-text answers for themes, and coordinators' decisions on themes (ADR 0019). Answers are read
 * per item, newest first and bounded (`limitPerItem`), because themes are computed in memory from
 * the texts: a report never reads more than that many answers of one item.
 */
export interface TextFilter {
	studyId: number;
	roundId: number;
	/** Only responses of these libraries; null: every response of the study (also those without a library). */
	libraryIds: readonly number[] | null;
	channel: string | null;
	language: string | null;
	/** Only respondents whose segment value (response.segments) is one of `values`. */
	segment: { key: string; values: readonly string[] } | null;
}

type ResponseScope = ExpressionBuilder<Database & { r: Database['response'] }, 'r'>;

function matches(filter: TextFilter) {
	return (eb: ResponseScope): Expression<SqlBool> => {
		const conditions: Expression<SqlBool>[] = [eb('r.studyId', '=', filter.studyId), eb('r.roundId', '=', filter.roundId)];
		if (filter.libraryIds !== null) {
			conditions.push(filter.libraryIds.length === 0 ? sql<SqlBool>`false` : eb('r.libraryId', 'in', filter.libraryIds));
		}
		if (filter.channel !== null) conditions.push(eb('r.channel', '=', filter.channel as Database['response']['channel']));
		if (filter.language !== null) conditions.push(eb('r.language', '=', filter.language as Database['response']['language']));
		if (filter.segment !== null) {
			conditions.push(
				filter.segment.values.length === 0 ? sql<SqlBool>`false` : eb(sql<string>`r.segments ->> ${filter.segment.key}`, 'in', filter.segment.values)
			);
		}
		return eb.and(conditions);
	};
}

/** Respondents in the filter: the group whose size decides suppression. */
/**
 * The responses in the filter; with `upTo`, counted only that far (a report asks whether the
 * minimum group size is reached, which must not cost a count of half a million rows).
 */
export async function countFilteredResponses(db: Db, filter: TextFilter, upTo?: number): Promise<number> {
	const matching = db.selectFrom('response as r').select(sql`1`.as('one')).where(matches(filter));
	const row = await db
		.selectFrom((upTo === undefined ? matching : matching.limit(upTo)).as('m'))
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}

export interface OpenTextRow {
	responseId: number;
	itemId: string;
	text: string;
	language: 'fi' | 'sv' | 'en';
}

/**
 * The non-blank texts of `itemIds` (facet '', i.e. open-text items, not "other, what?") of the
 * responses in the filter: per item the `limitPerItem` most recently stored.
 */
export async function listOpenTextAnswers(db: Db, filter: TextFilter, itemIds: readonly string[], limitPerItem: number): Promise<OpenTextRow[]> {
	// One query per item with its own limit: PostgreSQL keeps only the newest `limitPerItem` rows
	// while it reads (a top-N sort) instead of ranking every text of the filter.
	const perItem = await Promise.all(
		[...new Set(itemIds)].sort().map((itemId) =>
			db
				.selectFrom('answerText as t')
				.innerJoin('response as r', 'r.id', 't.responseId')
				.select(['t.responseId', 't.itemId', 't.text', 'r.language'])
				.where(matches(filter))
				.where('t.itemId', '=', itemId)
				.where('t.facet', '=', '')
				.where(sql<SqlBool>`length(btrim(t.text)) > 0`)
				// Newest stored first (ids grow as responses arrive), along answer_text_item_recent.
				.orderBy('t.responseId', 'desc')
				.limit(limitPerItem)
				.execute()
		)
	);
	return perItem.flat();
}

export interface ThemeDecisionRow {
	itemId: string;
	key: string;
	label: string | null;
	mergedInto: string | null;
	manual: boolean;
}

export async function listThemeDecisions(db: Db, studyId: number, itemIds: readonly string[]): Promise<ThemeDecisionRow[]> {
	if (itemIds.length === 0) return [];
	return db
		.selectFrom('textTheme')
		.select(['itemId', 'key', 'label', 'mergedInto', 'manual'])
		.where('studyId', '=', studyId)
		.where('itemId', 'in', itemIds)
		.orderBy('itemId')
		.orderBy('key')
		.execute();
}

export interface ThemeTagRow {
	responseId: number;
	itemId: string;
	themeKey: string;
}

export async function listThemeTags(db: Db, studyId: number, itemIds: readonly string[]): Promise<ThemeTagRow[]> {
	if (itemIds.length === 0) return [];
	return db
		.selectFrom('textThemeTag')
		.select(['responseId', 'itemId', 'themeKey'])
		.where('studyId', '=', studyId)
		.where('itemId', 'in', itemIds)
		.orderBy('responseId')
		.execute();
}

export interface ThemeRef {
	studyId: number;
	itemId: string;
	key: string;
}

/**
 * Records a decision on a theme, creating its row on first use: `label` (null: back to the
 * automatic label) and/or `mergedInto` (null: not merged). Fields left undefined stay as they are.
 */
export async function saveThemeDecision(
	db: Db,
	theme: ThemeRef,
	changes: { label?: string | null; mergedInto?: string | null },
	actorId: number | null,
	now: Date
): Promise<void> {
	await db
		.insertInto('textTheme')
		.values({
			studyId: theme.studyId,
			itemId: theme.itemId,
			key: theme.key,
			label: changes.label ?? null,
			mergedInto: changes.mergedInto ?? null,
			createdBy: actorId,
			updatedAt: now
		})
		.onConflict((conflict) =>
			conflict.columns(['studyId', 'itemId', 'key']).doUpdateSet({
				...(changes.label !== undefined ? { label: changes.label } : {}),
				...(changes.mergedInto !== undefined ? { mergedInto: changes.mergedInto } : {}),
				updatedAt: now
			})
		)
		.execute();
}

/** A theme made by hand (key '#…'); false when the key is taken. */
export async function insertManualTheme(db: Db, theme: ThemeRef, label: string, actorId: number | null): Promise<boolean> {
	const result = await db
		.insertInto('textTheme')
		.values({ studyId: theme.studyId, itemId: theme.itemId, key: theme.key, label, manual: true, createdBy: actorId })
		.onConflict((conflict) => conflict.columns(['studyId', 'itemId', 'key']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Deletes a theme's row with its tags, and undoes merges into it. */
export async function deleteTheme(db: Db, theme: ThemeRef): Promise<boolean> {
	await db
		.updateTable('textTheme')
		.set({ mergedInto: null })
		.where('studyId', '=', theme.studyId)
		.where('itemId', '=', theme.itemId)
		.where('mergedInto', '=', theme.key)
		.execute();
	const result = await db
		.deleteFrom('textTheme')
		.where('studyId', '=', theme.studyId)
		.where('itemId', '=', theme.itemId)
		.where('key', '=', theme.key)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/**
 * Sets the tags of one theme on the answers a coordinator was shown: tagged those in `tagged`,
 * untagged the rest of `shown`, touching only responses of the study in `libraryIds` (null: any).
 * The theme's row must exist (`saveThemeDecision` first).
 */
export async function replaceThemeTags(
	db: Db,
	theme: ThemeRef,
	shown: readonly number[],
	tagged: readonly number[],
	actorId: number | null,
	libraryIds: readonly number[] | null = null
): Promise<{ added: number; removed: number }> {
	const responses = (ids: readonly number[]) => {
		let query = db.selectFrom('response').select('id').where('studyId', '=', theme.studyId).where('id', 'in', ids);
		if (libraryIds !== null) query = libraryIds.length === 0 ? query.where(sql<SqlBool>`false`) : query.where('libraryId', 'in', libraryIds);
		return query;
	};
	const untag = shown.filter((id) => !tagged.includes(id));
	let removed = 0;
	if (untag.length > 0) {
		const result = await db
			.deleteFrom('textThemeTag')
			.where('studyId', '=', theme.studyId)
			.where('itemId', '=', theme.itemId)
			.where('themeKey', '=', theme.key)
			.where('responseId', 'in', responses(untag))
			.executeTakeFirst();
		removed = Number(result.numDeletedRows);
	}
	let added = 0;
	if (tagged.length > 0) {
		const result = await db
			.insertInto('textThemeTag')
			.columns(['responseId', 'studyId', 'itemId', 'themeKey', 'createdBy'])
			.expression(
				responses(tagged).select((eb) => [
					eb.val(theme.studyId).as('studyId'),
					eb.val(theme.itemId).as('itemId'),
					eb.val(theme.key).as('themeKey'),
					eb.val(actorId).as('createdBy')
				])
			)
			.onConflict((conflict) => conflict.doNothing())
			.executeTakeFirst();
		added = Number(result.numInsertedOrUpdatedRows ?? 0);
	}
	return { added, removed };
}

export interface TaggableAnswer {
	responseId: number;
	text: string;
	language: 'fi' | 'sv' | 'en';
}

/**
 * A page of an item's answers in a round (of `libraryIds`; null: any), newest first, for tagging
 * by hand; `search` finds a word in the text (case-insensitive), `before` is the response id of
 * the last row of the previous page.
 */
export async function listTaggableAnswers(
	db: Db,
	query: { studyId: number; roundId: number; libraryIds: readonly number[] | null; itemId: string; search: string; before: number | null; limit: number }
): Promise<TaggableAnswer[]> {
	let select = db
		.selectFrom('answerText as t')
		.innerJoin('response as r', 'r.id', 't.responseId')
		.select(['t.responseId', 't.text', 'r.language'])
		.where('r.studyId', '=', query.studyId)
		.where('r.roundId', '=', query.roundId)
		.where('t.itemId', '=', query.itemId)
		.where('t.facet', '=', '')
		.where(sql<SqlBool>`length(btrim(t.text)) > 0`)
		.orderBy('t.responseId', 'desc')
		.limit(query.limit);
	if (query.search.trim() !== '') {
		const pattern = `%${query.search.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
		select = select.where('t.text', 'ilike', pattern);
	}
	if (query.before !== null) select = select.where('t.responseId', '<', query.before);
	if (query.libraryIds !== null) select = query.libraryIds.length === 0 ? select.where(sql<SqlBool>`false`) : select.where('r.libraryId', 'in', query.libraryIds);
	return select.execute();
}
