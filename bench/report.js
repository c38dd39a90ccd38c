// The answer cube under report load (ADR 0015): synthetic responses (bench/lib/report-data.js,
// 30 items, 60 libraries, 2 rounds) in a throwaway PostgreSQL database, 1,000,000 of them, and
// 100,000 in an embedded PGlite directory; then, per database:
//
//   load          generating the responses and answers with set-based SQL (not measured against a goal)
//   rebuild       rebuildCube over the whole study (what `aspa cube rebuild` does)
//   fold 1000     foldPending after 1,000 more responses were stored (queued as storeResponse queues them)
//   fold empty    foldPending with nothing pending: what every report read pays before it reads
//   network       queryCube for the region (60 libraries × 2 rounds), all items
//   network×age   the same split by age band
//   library+mun.  one library and its municipality (5 libraries), both rounds
//   network×chan. the region with a channel filter (the channel × language rows)
//
// Queries: the first run ("first", right after the rebuild and fold) and the median of the warm
// runs. Goal: the network report under 300 ms warm on PostgreSQL at 1,000,000 responses, and the
// cube query is only part of it. `prepareReportData` is the part a later HTTP-report suite
// can reuse: it leaves a loaded, folded database behind for a server to start on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPglite, openPostgres } from '../src/lib/server/db/client.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';
import { foldPending, queryCube, rebuildCube } from '../src/lib/server/db/answer-cube.ts';
import { createMigratedDatabase, defaultAdminUrl, reachable } from './lib/postgres.js';
import { addResponses, loadReportData } from './lib/report-data.js';
import { median, table } from './lib/stats.js';

// BENCH_REPORT_SCALE=0.01 runs the same suite at a hundredth of the size (a quick try).
const scale = Number(process.env.BENCH_REPORT_SCALE ?? 1);
export const postgresResponses = Math.round(1_000_000 * scale);
export const pgliteResponses = Math.round(100_000 * scale);

/** @param {() => Promise<unknown>} work */
async function timed(work) {
	const started = performance.now();
	const result = await work();
	return { ms: performance.now() - started, result };
}

/**
 * Loads `responses` responses into a migrated database and builds the cube, timing each step.
 * @param {import('kysely').Kysely<any>} db
 * @param {number} responses
 * @param {(line: string) => void} log
 */
export async function prepareReportData(db, responses, log) {
	const load = await timed(() => loadReportData(db, { responses, log }));
	const structure = /** @type {Awaited<ReturnType<typeof loadReportData>>} */ (load.result);
	log('rebuilding the cube');
	const rebuild = await timed(() => rebuildCube(db, structure.studyId));
	const { rows } = await sql`select pg_total_relation_size('answer_cube') as bytes, (select count(*) from answer) as answers`.execute(db);
	return {
		structure,
		figures: {
			responses,
			answerRows: Number(/** @type {any} */ (rows[0]).answers),
			loadMs: load.ms,
			rebuildMs: rebuild.ms,
			cube: /** @type {any} */ (rebuild.result),
			cubeMiB: Number(/** @type {any} */ (rows[0]).bytes) / 2 ** 20
		}
	};
}

/**
 * The measured reads and folds on a loaded database.
 * @param {import('kysely').Kysely<any>} db
 * @param {Awaited<ReturnType<typeof prepareReportData>>['structure']} structure
 * @param {number} runs
 * @param {(line: string) => void} log
 */
async function measureReads(db, structure, runs, log) {
	await addResponses(db, structure, 1000, { pending: true });
	const fold = await timed(() => foldPending(db, structure.studyId));
	const foldEmpty = [];
	for (let i = 0; i < runs; i++) foldEmpty.push((await timed(() => foldPending(db, structure.studyId))).ms);

	const region = structure.roundIds.flatMap((roundId) => structure.libraryIds.map((libraryId) => ({ group: 'network:bench-region', roundId, libraryId })));
	const municipality = structure.municipalityOf(0);
	const libraryVsMunicipality = structure.roundIds.flatMap((roundId) => [
		{ group: 'library:bench-lib-1', roundId, libraryId: structure.libraryIds[0] },
		...municipality.libraryIds.map((libraryId) => ({ group: `municipality:${municipality.key}`, roundId, libraryId }))
	]);
	const base = { studyId: structure.studyId, channel: null, language: null, segmentKey: null, itemIds: null };
	const queries = {
		network: { ...base, members: region },
		'network×age': { ...base, members: region, segmentKey: 'age_band' },
		'library+mun.': { ...base, members: libraryVsMunicipality },
		'network×chan.': { ...base, members: region, channel: 'web' }
	};
	/** @type {Record<string, any>} */
	const measured = {};
	const warmRuns = Math.max(runs, 5);
	for (const [name, query] of Object.entries(queries)) {
		const first = await timed(() => queryCube(db, query));
		const warm = [];
		for (let i = 0; i < warmRuns; i++) warm.push((await timed(() => queryCube(db, query))).ms);
		measured[name] = { firstMs: first.ms, warmMs: median(warm), rows: /** @type {unknown[]} */ (first.result).length };
		log(`${name}: first ${first.ms.toFixed(0)} ms, warm ${median(warm).toFixed(1)} ms`);
	}
	return { fold1000Ms: fold.ms, folded: fold.result, foldEmptyMs: median(foldEmpty), queries: measured };
}

/** @param {{ runs: number, log: (line: string) => void }} options */
export async function benchReport({ runs, log }) {
	/** @type {Record<string, any>} */
	const scenarios = {};
	const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || defaultAdminUrl;
	if (await reachable(adminUrl)) {
		const database = await createMigratedDatabase(adminUrl);
		const handle = openPostgres(database.url, { max: 2 });
		try {
			log(`postgres: loading ${postgresResponses} responses`);
			const prepared = await prepareReportData(handle.db, postgresResponses, (line) => log(`postgres: ${line}`));
			scenarios.postgres = { ...prepared.figures, ...(await measureReads(handle.db, prepared.structure, runs, (line) => log(`postgres: ${line}`))) };
		} finally {
			await handle.close();
			await database.drop();
		}
	} else {
		scenarios.postgres = { skipped: `no PostgreSQL answers at ${new URL(adminUrl).host} (set BENCH_DATABASE_URL)` };
	}

	const temp = mkdtempSync(join(tmpdir(), 'aspa-bench-report-'));
	try {
		const handle = await openPglite(join(temp, 'pgdata'));
		try {
			await migrateToLatest(handle.db);
			log(`pglite: loading ${pgliteResponses} responses`);
			const prepared = await prepareReportData(handle.db, pgliteResponses, (line) => log(`pglite: ${line}`));
			scenarios.pglite = { ...prepared.figures, ...(await measureReads(handle.db, prepared.structure, runs, (line) => log(`pglite: ${line}`))) };
		} finally {
			await handle.close();
		}
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
	return scenarios;
}

/** @param {Record<string, any>} scenarios @param {number} runs */
export function formatReport(scenarios, runs) {
	const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
	const ms = (/** @type {number} */ value) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
	const steps = [['database', 'responses', 'answer rows', 'load', 'rebuild', 'cube rows', 'cube MiB', 'fold 1000', 'fold empty ms']];
	const reads = [['database', 'query', 'first ms', 'warm ms', 'rows']];
	const notes = [];
	for (const [name, s] of Object.entries(scenarios)) {
		if (s.skipped) {
			notes.push(`!!! ${name} skipped: ${s.skipped}`);
			continue;
		}
		steps.push([name, String(s.responses), String(s.answerRows), seconds(s.loadMs), seconds(s.rebuildMs), String(s.cube.rows), s.cubeMiB.toFixed(0), seconds(s.fold1000Ms), ms(s.foldEmptyMs)]);
		for (const [query, q] of Object.entries(s.queries)) reads.push([name, query, ms(/** @type {any} */ (q).firstMs), ms(/** @type {any} */ (q).warmMs), String(/** @type {any} */ (q).rows)]);
	}
	return [
		'Answer cube: loading, rebuilding and folding',
		table(steps),
		'',
		`Cube queries (first run, then the median of ${Math.max(runs, 5)} warm runs); goal: the whole network report under 300 ms warm on PostgreSQL`,
		table(reads),
		...notes
	].join('\n');
}
