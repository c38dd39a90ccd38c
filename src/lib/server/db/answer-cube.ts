import { sql, type RawBuilder } from 'kysely';
import { answerableItems } from '#lib/core/instrument/instrument.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { CubeQuery, CubeRow } from '#lib/core/report/cube.ts';
import type { Db } from './client.ts';

/**
 * The answer cube (ADR 0015; rows and query in core/report/cube.ts). Invariant: `answer_cube`
 * holds exactly the contributions of the study's responses that are NOT in `cube_pending`.
 *
 * - `storeResponse` inserts the response and its `cube_pending` row in one statement;
 * - `foldPending` takes pending rows out and adds their contributions in one statement;
 * - `removeFromCube` (called by `deleteResponse` before the row goes) subtracts a folded
 *   response, or just drops its pending row;
 * - `rebuildCube` recomputes a study.
 * Folds, removals and rebuilds of one study run one at a time under a transaction-scoped advisory
 * lock, so no contribution is added or taken away twice; submits never wait for it.
 */

/** First key of the advisory lock (the second is the study id): 'ACUB'. */
const lockClass = 0x41435542;
/** Pending responses folded per statement, so a large backlog never needs one huge aggregation. */
const foldBatch = 5000;
/** From this many pending responses (and a tenth of the study) a fold recomputes the study instead. */
const rebuildFrom = 2000;
/** Responses per statement of a rebuild: a library's round, or a part of it this large. */
const rebuildChunk = 5000;

/** Item kinds whose answers are one row (facet ''): their "answered" row needs no grouping. */
const singleRowKinds = ['single_choice', 'rating', 'nps', 'school_grade', 'happy_index', 'checklist', 'number'];

interface ItemKind {
	version_id: number;
	item_id: string;
	kind: string;
}

function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Takes the study's cube lock for the rest of the transaction, with room for the aggregation: at
 * PostgreSQL's default 4 MB a fold batch sorts on disk; 64 MB keeps it in memory (a fold runs one
 * at a time per study, so this is not multiplied by connections).
 */
async function lockStudy(trx: Db, studyId: number): Promise<void> {
	await sql`select pg_advisory_xact_lock(${lockClass}::int, ${studyId}::int)`.execute(trx);
	await sql`set local work_mem = '64MB'`.execute(trx);
}

/**
 * The kind of every item of the versions a study's responses can carry (published versions of
 * its instrument and the versions its rounds pin), read through `validateInstrument` so that
 * older schema versions are upgraded first. The fold needs them to tell a free number from a
 * scale point and to pair importance/performance and LibQUAL facets.
 */
export async function studyItemKinds(db: Db, studyId: number): Promise<ItemKind[]> {
	const versions = await db
		.selectFrom('instrumentVersion as v')
		.select(['v.id', 'v.definition'])
		.where((eb) =>
			eb.or([
				eb.and([eb('v.status', '=', 'published'), eb('v.instrumentId', '=', eb.selectFrom('study').select('instrumentId').where('id', '=', studyId))]),
				eb('v.id', 'in', eb.selectFrom('studyRound').select('instrumentVersionId').where('studyId', '=', studyId))
			])
		)
		.execute();
	return versions.flatMap((version) => {
		const result = validateInstrument(version.definition);
		if (!result.ok) throw new Error(`Instrument version ${version.id} does not validate, so its answers cannot be folded: ${result.issues[0]?.message}`);
		return answerableItems(result.instrument).map((item) => ({ version_id: version.id, item_id: item.id, kind: item.kind }));
	});
}

/**
 * CTEs ending in `contrib`: the cube rows that the responses selected by `from` (a FROM clause
 * over `response r`) contribute, one row per cube key with n, sum and sum_sq.
 *
 * Per response the cells are: the respondent (item ''); per answer row its value code (option
 * code, 'na', '#' for a free number, else the number as text); per multi-row item (multiple
 * choice, matrix, importance/performance, LibQUAL) '*'/'*'; per importance/performance and
 * LibQUAL item the derived facets. A LibQUAL triple with minimum > desired is left out of its
 * facets and gaps and counted as '=inverted' instead. The '*' row of a one-row item is the sum of
 * its value rows, added after aggregation rather than per response.
 *
 * The cells are summed per round × library × (channel, language) and per round × library ×
 * segment profile (the response's whole segment object) in one pass (grouping sets); then the
 * totals are summed from the channel × language rows, and the profiles are split into their
 * segment values, so a response is expanded per segment value only after it has been summed with
 * the others of the same profile. Text keys are compared byte-wise (collate "C"): grouping gives
 * the same groups, and any sort the planner picks avoids the far slower locale comparison.
 */
export function contributionCtes(kinds: ItemKind[], from: RawBuilder<unknown>): RawBuilder<unknown> {
	const single = sql.join(singleRowKinds.map((kind) => sql.lit(kind)));
	return sql`
	kinds as (
		select * from jsonb_to_recordset(${JSON.stringify(kinds)}::jsonb) as k(version_id int, item_id text, kind text)
	),
	responses as (
		select r.id, r.round_id, coalesce(r.library_id, 0) as library_id, r.channel collate "C" as channel, r.language collate "C" as language,
			r.instrument_version_id,
			(jsonb_strip_nulls(jsonb_build_object('age_band', r.age_band, 'gender', r.gender, 'education', r.education,
				'life_situation', r.life_situation)) || r.segments)::text collate "C" as profile
		${from}
	),
	src as (
		select id, round_id, library_id, channel, language, instrument_version_id, profile, dense_rank() over (order by profile) as profile_id
		from responses
	),
	ans as (
		select a.response_id, s.round_id, s.library_id, s.channel, s.language, s.profile_id,
			a.item_id collate "C" as item_id, a.facet collate "C" as facet, a.option_code collate "C" as option_code,
			a.number_value, a.number_value::float8 as v, a.is_na, coalesce(k.kind, '') as kind
		from src s
		join answer a on a.response_id = s.id
		left join kinds k on k.version_id = s.instrument_version_id and k.item_id = a.item_id collate "C"
		where a.option_code is not null or a.number_value is not null or a.is_na
	),
	multi as (
		select response_id, round_id, library_id, channel, language, profile_id, item_id, kind,
			max(v) filter (where facet = 'importance' and not is_na) as importance,
			max(v) filter (where facet = 'performance' and not is_na) as performance,
			max(v) filter (where facet = 'minimum' and not is_na) as minimum,
			max(v) filter (where facet = 'desired' and not is_na) as desired,
			max(v) filter (where facet = 'perceived' and not is_na) as perceived
		from ans
		where kind not in (${single})
		group by response_id, round_id, library_id, channel, language, profile_id, item_id, kind
	),
	inverted as (
		select response_id, round_id, library_id, channel, language, profile_id, item_id from multi where kind = 'libqual' and minimum > desired
	),
	cells (round_id, library_id, channel, language, profile_id, item_id, facet, value_code, v) as (
		select round_id, library_id, channel, language, profile_id, '', '', '', null::float8 from src
		union all
		select a.round_id, a.library_id, a.channel, a.language, a.profile_id, a.item_id, a.facet,
			case when a.is_na then 'na' when a.option_code is not null then a.option_code when a.kind = 'number' then '#'
				else trim_scale(a.number_value)::text end,
			case when a.is_na then null else a.v end
		from ans a
		left join inverted i on i.response_id = a.response_id and i.item_id = a.item_id
		where i.response_id is null
		union all
		select round_id, library_id, channel, language, profile_id, item_id, '*', '*', null from multi
		union all
		select m.round_id, m.library_id, m.channel, m.language, m.profile_id, m.item_id, g.facet,
			case when g.facet = '=oi' then '#' when g.v < 0 then '-' when g.v > 0 then '+' else '0' end, g.v
		from multi m
		cross join lateral (values
			('=gap', case when m.kind = 'importance_performance' then m.importance - m.performance end),
			-- greatest() skips nulls, so the pair must be complete before it is asked.
			('=oi', case when m.kind = 'importance_performance' and m.performance is not null
				then m.importance + greatest(0, m.importance - m.performance) end),
			('=adequacy', case when m.kind = 'libqual' and m.minimum <= m.desired then m.perceived - m.minimum end),
			('=superiority', case when m.kind = 'libqual' and m.minimum <= m.desired then m.perceived - m.desired end)
		) as g (facet, v)
		where m.kind in ('importance_performance', 'libqual') and g.v is not null
		union all
		select round_id, library_id, channel, language, profile_id, item_id, '=inverted', '#', 1 from inverted
		union all
		select round_id, library_id, channel, language, profile_id, '', '=inverted', '#', count(*)
		from inverted
		group by response_id, round_id, library_id, channel, language, profile_id
	),
	agg as (
		select round_id, library_id, channel, language, profile_id, item_id, facet, value_code,
			count(*) as n, coalesce(sum(v), 0) as sum, coalesce(sum(v * v), 0) as sum_sq, grouping(profile_id) as by_channel
		from cells
		group by grouping sets (
			(round_id, library_id, channel, language, item_id, facet, value_code),
			(round_id, library_id, profile_id, item_id, facet, value_code)
		)
	),
	rolled as (
		select round_id, library_id, channel, language, profile_id, by_channel, item_id, facet, value_code, n, sum, sum_sq from agg
		union all
		select round_id, library_id, channel, language, profile_id, by_channel, item_id, '*', '*', sum(n), 0, 0
		from agg
		where facet = '' and item_id <> ''
		group by round_id, library_id, channel, language, profile_id, by_channel, item_id
	),
	segment_values as materialized (
		select p.profile_id, e.key collate "C" as segment_key, v.value collate "C" as segment_value
		from (select distinct profile_id, profile from src) p
		cross join lateral jsonb_each_text(p.profile::jsonb) as e
		cross join lateral unnest(string_to_array(e.value, ',')) as v (value)
		where e.key <> '' and v.value <> ''
	),
	contrib as (
		select round_id, library_id, '' as segment_key, channel, language, '' as segment_value, item_id, facet, value_code,
			sum(n) as n, sum(sum) as sum, sum(sum_sq) as sum_sq
		from rolled where by_channel = 1
		group by round_id, library_id, channel, language, item_id, facet, value_code
		union all
		select round_id, library_id, '', '*', '*', '', item_id, facet, value_code, sum(n), sum(sum), sum(sum_sq)
		from rolled where by_channel = 1
		group by round_id, library_id, item_id, facet, value_code
		union all
		select r.round_id, r.library_id, g.segment_key, '*', '*', g.segment_value, r.item_id, r.facet, r.value_code,
			sum(r.n), sum(r.sum), sum(r.sum_sq)
		from rolled r
		join segment_values g on g.profile_id = r.profile_id
		where r.by_channel = 0
		group by r.round_id, r.library_id, g.segment_key, g.segment_value, r.item_id, r.facet, r.value_code
	)`;
}

const keyColumns = sql.raw('round_id, library_id, segment_key, channel, language, segment_value, item_id, facet, value_code');
const keyMatch = sql.raw(
	['round_id', 'library_id', 'segment_key', 'channel', 'language', 'segment_value', 'item_id', 'facet', 'value_code'].map((column) => `c.${column} = x.${column}`).join(' and ')
);

/**
 * Folds the pending responses of a study (null: of every study) into the cube and returns how
 * many were folded. Reports call this before they read, so what they show is exact; with nothing
 * pending it costs one indexed lookup. Each batch takes its pending rows and adds their
 * contributions in one statement, under the study's lock; a large backlog is rebuilt instead.
 */
export async function foldPending(db: Db, studyId: number | null, options: { batchSize?: number; rebuildFrom?: number } = {}): Promise<number> {
	const batchSize = options.batchSize ?? foldBatch;
	const studies =
		studyId === null
			? (await db.selectFrom('cubePending').select('studyId').distinct().orderBy('studyId').execute()).map((row) => row.studyId)
			: [studyId];
	let folded = 0;
	for (const id of studies) {
		const backlog = await largeBacklog(db, id, options.rebuildFrom ?? rebuildFrom);
		if (backlog !== null) {
			await rebuildCube(db, id);
			folded += backlog;
			continue;
		}
		let kinds: ItemKind[] | undefined;
		for (;;) {
			const pending = await db.selectFrom('cubePending').select('responseId').where('studyId', '=', id).limit(1).executeTakeFirst();
			if (!pending) break;
			kinds ??= await studyItemKinds(db, id);
			const batch = kinds;
			const taken = await inTransaction(db, async (trx) => {
				await lockStudy(trx, id);
				const { rows } = await sql<{ taken: number }>`
					with taken as (
						delete from cube_pending
						where response_id in (select response_id from cube_pending where study_id = ${id} order by response_id limit ${batchSize})
						returning response_id
					),
					${contributionCtes(batch, sql`from response r join taken t on t.response_id = r.id`)},
					added as (
						insert into answer_cube (study_id, ${keyColumns}, n, sum, sum_sq)
						select ${id}, ${keyColumns}, n, sum, sum_sq from contrib
						-- In key order: the upserts then walk the index instead of jumping about it.
						order by ${keyColumns}
						on conflict (study_id, ${keyColumns}) do update
						set n = answer_cube.n + excluded.n, sum = answer_cube.sum + excluded.sum, sum_sq = answer_cube.sum_sq + excluded.sum_sq
					)
					select count(*)::int as taken from taken`.execute(trx);
				return rows[0]?.taken ?? 0;
			});
			folded += taken;
			if (taken < batchSize) break;
		}
	}
	return folded;
}

/**
 * The number of pending responses when folding them would cost more than recomputing the study:
 * a fold touches ~250 cube rows per response, a rebuild writes each row once, so from about a
 * tenth of the study pending (and at least `rebuildFrom` responses) the rebuild is cheaper — after
 * an import, or the first report after upgrading a database with responses. Null otherwise.
 */
async function largeBacklog(db: Db, studyId: number, from: number): Promise<number | null> {
	const { rows } = await sql<{ pending: number }>`
		select count(*)::int as pending from (select 1 from cube_pending where study_id = ${studyId} limit ${from}) p`.execute(db);
	if ((rows[0]?.pending ?? 0) < from) return null;
	const { rows: counts } = await sql<{ pending: number; responses: number }>`
		select (select count(*) from cube_pending where study_id = ${studyId})::int as pending,
			(select count(*) from response where study_id = ${studyId})::int as responses`.execute(db);
	const { pending, responses } = counts[0]!;
	return pending * 10 >= responses ? pending : null;
}

/**
 * Takes a response out of the cube before it is deleted: drops its pending row, or, when it has
 * been folded, subtracts its contributions (deleting cube rows whose n reaches 0). Must run in
 * the transaction that deletes the response, which then holds the study's lock until it commits.
 */
export async function removeFromCube(trx: Db, responseId: number): Promise<void> {
	if (!trx.isTransaction) throw new Error('removeFromCube must run inside the transaction that deletes the response.');
	const response = await trx.selectFrom('response').select('studyId').where('id', '=', responseId).executeTakeFirst();
	if (!response) return;
	const { studyId } = response;
	await lockStudy(trx, studyId);
	const pending = await trx.deleteFrom('cubePending').where('responseId', '=', responseId).executeTakeFirst();
	if (Number(pending.numDeletedRows) > 0) return;
	// The response may have been deleted by another transaction while this one waited for the lock:
	// then `src` is empty and nothing is subtracted.
	const kinds = await studyItemKinds(trx, studyId);
	await sql`
		with ${contributionCtes(kinds, sql`from response r where r.id = ${responseId}`)},
		gone as (
			delete from answer_cube c using contrib x
			where c.study_id = ${studyId} and ${keyMatch} and c.n = x.n
		)
		update answer_cube c set n = c.n - x.n, sum = c.sum - x.sum, sum_sq = c.sum_sq - x.sum_sq
		from contrib x
		where c.study_id = ${studyId} and ${keyMatch} and c.n <> x.n`.execute(trx);
}

/**
 * Recomputes a study's cube from its responses and answers, in one transaction (reports keep
 * reading the old cube until it commits): every pending row of the study is taken, then the
 * responses are summed a round × library at a time (a large library in parts of `rebuildChunk`),
 * each part by a statement of its own, so memory stays bounded whatever the study's size.
 * Responses stored meanwhile stay pending (a statement counts only responses without a pending
 * row) and are folded by the next `foldPending`.
 */
export async function rebuildCube(db: Db, studyId: number): Promise<{ responses: number; rows: number }> {
	const kinds = await studyItemKinds(db, studyId);
	return inTransaction(db, async (trx) => {
		await lockStudy(trx, studyId);
		await trx.deleteFrom('cubePending').where('studyId', '=', studyId).execute();
		await trx.deleteFrom('answerCube').where('studyId', '=', studyId).execute();
		const { rows: parts } = await sql<{ roundId: number; libraryId: number | null; first: number; last: number }>`
			select round_id, library_id, min(id) as first, max(id) as last
			from (
				select round_id, library_id, id, (row_number() over (partition by round_id, library_id order by id) - 1) / ${rebuildChunk} as part
				from response where study_id = ${studyId}
			) numbered
			group by round_id, library_id, part
			order by round_id, library_id, part`.execute(trx);
		let responses = 0;
		for (const part of parts) {
			const library = part.libraryId === null ? sql`r.library_id is null` : sql`r.library_id = ${part.libraryId}`;
			const from = sql`from response r
				where r.study_id = ${studyId} and r.round_id = ${part.roundId} and ${library} and r.id between ${part.first} and ${part.last}
					and not exists (select 1 from cube_pending p where p.response_id = r.id)`;
			const { rows: counts } = await sql<{ responses: number }>`
				with ${contributionCtes(kinds, from)},
				added as (
					insert into answer_cube (study_id, ${keyColumns}, n, sum, sum_sq)
					select ${studyId}, ${keyColumns}, n, sum, sum_sq from contrib
					-- In key order, so that the rows a report reads for one library lie together.
					order by ${keyColumns}
					on conflict (study_id, ${keyColumns}) do update
					set n = answer_cube.n + excluded.n, sum = answer_cube.sum + excluded.sum, sum_sq = answer_cube.sum_sq + excluded.sum_sq
				)
				select count(*)::int as responses from src`.execute(trx);
			responses += counts[0]?.responses ?? 0;
		}
		// The planner's statistics, so that the first reports after a rebuild plan for the new size.
		await sql`analyze answer_cube`.execute(trx);
		const { rows } = await sql<{ rows: number }>`select count(*)::int as rows from answer_cube where study_id = ${studyId}`.execute(trx);
		return { responses, rows: rows[0]?.rows ?? 0 };
	});
}

/**
 * Sums cube rows into the groups a report shows: each member (group, round, library) is one index
 * range of the cube (the lateral subquery with `offset 0` keeps the planner from trading the
 * ranges for a scan of the whole table, which it would otherwise do for a whole network);
 * the rows of one group, round and cell are added up. With a channel or
 * language filter the channel × language rows are read, with a segment key the segment rows,
 * else the totals. Members listed twice count once. Rows come in byte order of the text columns
 * (collate "C": the same on every database).
 */
export async function queryCube(db: Db, query: CubeQuery): Promise<CubeRow[]> {
	if ((query.channel !== null || query.language !== null) && query.segmentKey !== null) {
		throw new Error('The answer cube does not cross channel or language with segments: give one or the other.');
	}
	const unique = new Map(query.members.map((member) => [`${member.group}\u0000${member.roundId}\u0000${member.libraryId}`, member]));
	if (unique.size === 0) return [];
	const members = JSON.stringify([...unique.values()].map((member) => ({ g: member.group, r: member.roundId, l: member.libraryId })));
	let rows: RawBuilder<unknown>;
	if (query.channel !== null || query.language !== null) {
		rows = sql`c.segment_key = '' and c.channel <> '*'
			${query.channel === null ? sql`` : sql`and c.channel = ${query.channel}`}
			${query.language === null ? sql`` : sql`and c.language = ${query.language}`}`;
	} else {
		rows = sql`c.segment_key = ${query.segmentKey ?? ''} and c.channel = '*' and c.language = '*'`;
	}
	const items = query.itemIds === null ? sql`` : sql`and (c.item_id = '' or c.item_id in (select jsonb_array_elements_text(${JSON.stringify(query.itemIds)}::jsonb)))`;
	const read = sql<CubeRow>`
		select m.g as "group", c.round_id, c.segment_value, c.item_id, c.facet, c.value_code,
			sum(c.n)::int as n, sum(c.sum)::float8 as sum, sum(c.sum_sq)::float8 as sum_sq
		from jsonb_to_recordset(${members}::jsonb) as m (g text, r int, l int)
		cross join lateral (
			select * from answer_cube c
			where c.study_id = ${query.studyId} and c.round_id = m.r and c.library_id = m.l and ${rows} ${items}
			offset 0
		) c
		group by m.g, c.round_id, c.segment_value, c.item_id, c.facet, c.value_code
		order by m.g collate "C", c.round_id, c.segment_value, c.item_id, c.facet, c.value_code`;
	// The planner's cost for a whole network passes PostgreSQL's JIT threshold, and compiling the
	// query costs more than running it; off for this read only.
	const run = async (trx: Db) => {
		await sql`set local jit = off`.execute(trx);
		return (await read.execute(trx)).rows;
	};
	return db.isTransaction ? run(db) : db.transaction().execute(run);
}
