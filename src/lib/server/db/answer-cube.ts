import { sql, type RawBuilder } from 'kysely';
import type { CubeQuery, CubeRow } from '#lib/core/report/cube.ts';
import type { Db } from './client.ts';
import { contributionCtes, studyItemKinds, type ItemKind } from './cube-contributions.ts';

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
const rebuildChunk = 10_000;

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
 * responses are summed a round × library at a time (a large library in parts of `rebuildChunk`;
 * the first part inserts, later ones add to its rows), each part by a statement of its own, so
 * memory stays bounded whatever the study's size.
 * Responses stored meanwhile stay pending (a statement counts only responses without a pending
 * row) and are folded by the next `foldPending`.
 */
export async function rebuildCube(db: Db, studyId: number, options: { chunk?: number } = {}): Promise<{ responses: number; rows: number }> {
	const chunk = options.chunk ?? rebuildChunk;
	const kinds = await studyItemKinds(db, studyId);
	return inTransaction(db, async (trx) => {
		await lockStudy(trx, studyId);
		await trx.deleteFrom('cubePending').where('studyId', '=', studyId).execute();
		await trx.deleteFrom('answerCube').where('studyId', '=', studyId).execute();
		const { rows: parts } = await sql<{ roundId: number; libraryId: number | null; part: number; first: number; last: number }>`
			select round_id, library_id, part, min(id) as first, max(id) as last
			from (
				select round_id, library_id, id, (row_number() over (partition by round_id, library_id order by id) - 1) / ${chunk} as part
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
					${part.part === 0 ? sql`` : sql`on conflict (study_id, ${keyColumns}) do update
						set n = answer_cube.n + excluded.n, sum = answer_cube.sum + excluded.sum, sum_sq = answer_cube.sum_sq + excluded.sum_sq`}
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
