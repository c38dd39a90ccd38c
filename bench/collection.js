// Stored responses per second: autocannon (10 s, 10 connections) against the built server, with
// the rows counted in the database afterwards (not autocannon's request count), compared with a
// floor server: plain node:http + pg inserting the same rows (a response and its answer rows, in
// one transaction) into the same PostgreSQL. Goal: at least half of the floor.
//
//   submit      POST /api/v1/collectors/demo/responses, a fresh submission id per request
//   page+submit GET /s/demo, then POST its form with the submission id the page issued
//               (the respondent page; while it does not exist yet the suite says so and measures
//               GET /api/v1/collectors/demo/instrument + POST instead, marked as a stand-in)
//   floor       the same POST bodies to the node:http + pg floor server, and its plain HTML form
//               page followed by the form's POST (the floor of page+submit)
//   pglite      the submit scenario on the embedded database, for reference (no floor)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startFloorServer } from './lib/floor-server.js';
import { createMigratedDatabase, defaultAdminUrl, reachable } from './lib/postgres.js';
import { startServer } from './lib/server.js';
import { median, table } from './lib/stats.js';

const root = new URL('..', import.meta.url).pathname;
const DURATION = 10;
const CONNECTIONS = 10;
const agreement = ['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'future_use'];

/** A plausible customer-service survey answer (the demo instrument), varied so bursts stay rare. */
function answers() {
	const pick = (/** @type {string[]} */ list) => list[Math.floor(Math.random() * list.length)];
	/** @type {Record<string, string | string[]>} */
	const values = Object.fromEntries(agreement.map((id) => [`q.${id}`, pick(['1', '2', '3', '4', '5', 'na'])]));
	values['q.channels'] = ['library_visit', pick(['web_library', 'e_materials', 'chat'])];
	values['q.digital_services'] = pick(['3', '4', '5']);
	values['q.age_band'] = pick(['15-29', '30-44', '45-64', '65-plus']);
	values['q.education'] = pick(['basic', 'upper_secondary', 'higher']);
	values['q.life_situation'] = pick(['student', 'working', 'family', 'senior']);
	values['q.home_library'] = pick(['tampere-metso', 'tampere-hervanta', 'pirkkala-main', 'kouvola-main']);
	values['q.develop'] = pick(['Enemmän aukioloaikoja.', 'Kiitos!', 'Lisää e-kirjoja.', 'Selkeämmät opasteet.']);
	return values;
}

function jsonBody() {
	return JSON.stringify({ submissionId: randomUUID(), language: 'fi', answers: answers() });
}

/** @param {Record<string, string | string[]>} values @param {string} submissionId */
function formBody(values, submissionId) {
	const form = new URLSearchParams({ submissionId, lang: 'fi' });
	for (const [name, value] of Object.entries(values)) for (const entry of [value].flat()) form.append(name, entry);
	return form.toString();
}

/** @param {autocannon.Options} options */
function run(options) {
	return new Promise((resolve, reject) => {
		autocannon({ duration: DURATION, connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
	});
}

/** @param {string} url */
async function countResponses(url) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return Number((await client.query('select count(*)::int as n from response')).rows[0].n);
	} finally {
		await client.end();
	}
}

/**
 * One measured scenario: rows before, autocannon, rows after.
 * @param {string} name @param {() => Promise<number>} count @param {autocannon.Options} options
 */
async function measure(name, count, options) {
	const before = await count();
	const result = /** @type {autocannon.Result} */ (await run(options));
	const stored = (await count()) - before;
	const non2xx = result.non2xx;
	return { scenario: name, stored, perSecond: stored / DURATION, requests: result.requests.total, non2xx, errors: result.errors, latencyP50: result.latency.p50, latencyP99: result.latency.p99 };
}

const apiSubmit = (/** @type {string} */ url) => ({
	url,
	requests: [
		{
			method: /** @type {const} */ ('POST'),
			path: '/api/v1/collectors/demo/responses',
			headers: { 'content-type': 'application/json' },
			setupRequest: (/** @type {any} */ request) => ({ ...request, body: jsonBody() })
		}
	]
});

/**
 * GET the respondent page, then POST its form with the issued submission id. Returns undefined
 * when the page does not exist yet.
 * @param {string} url
 */
async function pageSubmit(url) {
	const probe = await fetch(`${url}/s/demo`);
	const html = await probe.text();
	const id = /name="submissionId"[^>]*value="([0-9a-f-]{36})"/.exec(html) ?? /value="([0-9a-f-]{36})"[^>]*name="submissionId"/.exec(html);
	if (!probe.ok || !id) return undefined;
	const action = /<form[^>]*method="post"[^>]*action="([^"]*)"/i.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '/s/demo?/submit';
	return {
		url,
		requests: [
			{
				method: /** @type {const} */ ('GET'),
				path: '/s/demo',
				onResponse: (/** @type {number} */ _status, /** @type {string} */ body, /** @type {any} */ context) => {
					context.submissionId = (/name="submissionId"[^>]*value="([0-9a-f-]{36})"/.exec(body) ?? /value="([0-9a-f-]{36})"[^>]*name="submissionId"/.exec(body))?.[1];
				}
			},
			{
				method: /** @type {const} */ ('POST'),
				path: action.startsWith('?') ? `/s/demo${action}` : action,
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
				setupRequest: (/** @type {any} */ request, /** @type {any} */ context) => ({ ...request, body: formBody(answers(), context.submissionId ?? randomUUID()) })
			}
		]
	};
}

/** Stand-in for page+submit while the page does not exist: fetch the instrument by API, then submit. */
const apiFetchSubmit = (/** @type {string} */ url) => ({
	url,
	requests: [{ method: /** @type {const} */ ('GET'), path: '/api/v1/collectors/demo/instrument' }, ...apiSubmit(url).requests]
});

/** @param {string} databaseUrl */
function loadDemo(databaseUrl) {
	const result = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'demo'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`aspa demo failed:\n${result.stdout}${result.stderr}`);
}

/** @param {{ runs: number, log: (line: string) => void }} options */
export async function benchCollection({ runs, log }) {
	/** @type {Record<string, any>} */
	const scenarios = {};
	const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || defaultAdminUrl;
	const label = new URL(adminUrl).host;
	if (await reachable(adminUrl)) {
		const database = await createMigratedDatabase(adminUrl);
		try {
			loadDemo(database.url);
			const count = () => countResponses(database.url);
			const server = await startServer({ DATABASE_URL: database.url });
			/** @type {Record<string, object[]>} */
			const collected = { submit: [], 'page+submit': [], floor: [], 'floor page+submit': [] };
			let pageScenario = 'page+submit';
			try {
				await run({ ...apiSubmit(server.url), duration: 2 }); // warm-up: JIT, pool, caches
				const page = await pageSubmit(server.url);
				if (!page) pageScenario = 'api-fetch+submit (stand-in: /s/demo has no form yet)';
				for (let i = 0; i < runs; i++) {
					log(`postgres submit run ${i + 1}/${runs}`);
					collected.submit.push(await measure('submit', count, apiSubmit(server.url)));
					log(`postgres ${pageScenario} run ${i + 1}/${runs}`);
					collected['page+submit'].push(await measure(pageScenario, count, page ?? apiFetchSubmit(server.url)));
				}
			} finally {
				await server.stop();
			}
			const floor = await startFloorServer(database.url);
			try {
				await run({ ...apiSubmit(floor.url), duration: 2 });
				const floorPage = await pageSubmit(floor.url);
				if (!floorPage) throw new Error('The floor server serves no form at /s/demo.');
				for (let i = 0; i < runs; i++) {
					log(`postgres floor run ${i + 1}/${runs}`);
					collected.floor.push(await measure('floor', count, apiSubmit(floor.url)));
					log(`postgres floor page+submit run ${i + 1}/${runs}`);
					collected['floor page+submit'].push(await measure('floor page+submit', count, floorPage));
				}
			} finally {
				await floor.stop();
			}
			const rate = (/** @type {object[]} */ entries) => median(entries.map((entry) => /** @type {any} */ (entry).perSecond));
			// Each case against its own floor: submit only against the floor's POST, page+submit
			// against the floor's plain form page followed by its POST.
			const floorOf = { submit: 'floor', 'page+submit': 'floor page+submit', floor: 'floor', 'floor page+submit': 'floor page+submit' };
			for (const [name, entries] of Object.entries(collected)) {
				const perSecond = rate(entries);
				scenarios[`postgres ${name}`] = {
					description: name === 'page+submit' ? pageScenario : name,
					runs: entries,
					perSecond,
					ratioToFloor: perSecond / rate(collected[/** @type {keyof typeof floorOf} */ (floorOf[/** @type {keyof typeof floorOf} */ (name)])])
				};
			}
		} finally {
			await database.drop();
		}
	} else {
		scenarios.postgres = { skipped: `no PostgreSQL answers at ${label} (set BENCH_DATABASE_URL)` };
	}

	const temp = mkdtempSync(join(tmpdir(), 'aspa-bench-collection-'));
	try {
		const dataDir = join(temp, 'data');
		const server = await startServer({ DATABASE_URL: '', ASPA_DATA_DIR: dataDir });
		const entries = [];
		try {
			await run({ ...apiSubmit(server.url), duration: 2 });
			// The embedded database belongs to the server process, so per run the acknowledged 201s are
			// counted, and the rows in the database are checked against them after the server stops.
			for (let i = 0; i < runs; i++) {
				log(`pglite submit run ${i + 1}/${runs}`);
				const result = /** @type {autocannon.Result} */ (await run(apiSubmit(server.url)));
				entries.push({ scenario: 'pglite submit', acknowledged: result['2xx'], perSecond: result['2xx'] / DURATION, non2xx: result.non2xx, latencyP50: result.latency.p50, latencyP99: result.latency.p99 });
			}
		} finally {
			await server.stop();
		}
		const { PGlite } = await import('@electric-sql/pglite');
		const pglite = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
		const stored = Number((await pglite.query('select count(*)::int as n from response')).rows[0].n);
		await pglite.close();
		const acknowledged = entries.reduce((sum, entry) => sum + entry.acknowledged, 0);
		scenarios['pglite submit'] = {
			description: 'submit on PGlite (reference; acknowledged 201s, checked against the rows after the server stopped)',
			runs: entries,
			perSecond: median(entries.map((entry) => entry.perSecond)),
			storedAfterStop: stored,
			acknowledgedTotal: acknowledged
		};
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
	return scenarios;
}

/** @param {Record<string, any>} scenarios @param {number} runs */
export function formatCollection(scenarios, runs) {
	const rows = [['scenario', 'stored/s', 'vs floor', 'p50 ms', 'p99 ms']];
	const notes = [];
	for (const [name, scenario] of Object.entries(scenarios)) {
		if (scenario.skipped) {
			notes.push(`!!! ${name} skipped: ${scenario.skipped}`);
			continue;
		}
		const p50 = median(scenario.runs.map((/** @type {any} */ entry) => entry.latencyP50));
		const p99 = median(scenario.runs.map((/** @type {any} */ entry) => entry.latencyP99));
		rows.push([name, scenario.perSecond, scenario.ratioToFloor === undefined ? '–' : `${(scenario.ratioToFloor * 100).toFixed(0)} %`, p50, p99]);
		if (scenario.description && scenario.description !== name.replace(/^postgres /, '')) notes.push(`${name}: ${scenario.description}`);
		const failed = scenario.runs.filter((/** @type {any} */ entry) => entry.non2xx > 0 && !String(entry.scenario).includes('page'));
		if (failed.length) notes.push(`!!! ${name}: ${failed.map((/** @type {any} */ entry) => entry.non2xx).join(', ')} non-2xx answers`);
	}
	return [
		`Stored responses per second (autocannon ${DURATION} s, ${CONNECTIONS} connections, rows counted in the database), median of ${runs} runs`,
		table(rows),
		...notes
	].join('\n');
}
