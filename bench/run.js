// `npm run bench`: Aspa's benchmarks, never part of the test run. Builds the app first when the
// build is older than the sources, prints a table per suite and writes bench/results/<suite>.json.
//
//   npm run bench                  every suite, 3 runs each
//   npm run bench -- --runs 5      more runs per scenario (the median is reported)
//   npm run bench -- startup       one suite by name (startup, pglite-memory, collection, page-size, report, report-http)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfStale } from '../scripts/build-if-stale.js';
import { benchStartup, formatStartup } from './startup.js';
import { benchPgliteMemory, formatPgliteMemory } from './pglite-memory.js';
import { benchPageSize, formatPageSize } from './page-size.js';
import { benchCollection, formatCollection } from './collection.js';
import { benchReport, formatReport } from './report.js';
import { benchReportHttp, formatReportHttp } from './report-http.js';

const suites = {
	startup: { run: benchStartup, format: formatStartup },
	'pglite-memory': { run: benchPgliteMemory, format: formatPgliteMemory },
	'page-size': { run: benchPageSize, format: formatPageSize },
	collection: { run: benchCollection, format: formatCollection },
	report: { run: benchReport, format: formatReport },
	'report-http': { run: benchReportHttp, format: formatReportHttp }
};

const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, allowPositionals: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not ${values.runs}`);
const chosen = positionals.length ? positionals : Object.keys(suites);
for (const name of chosen) {
	if (!(name in suites)) throw new Error(`Unknown suite ${name}; suites: ${Object.keys(suites).join(', ')}`);
}

if (buildIfStale() !== 0) process.exit(1);

const resultsDir = new URL('./results/', import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });
const machine = {
	cpu: cpus()[0]?.model ?? 'unknown',
	cpus: cpus().length,
	memoryGiB: Math.round(totalmem() / 2 ** 30),
	node: process.version,
	platform: `${process.platform}-${process.arch}`
};

for (const name of chosen) {
	const suite = suites[/** @type {keyof typeof suites} */ (name)];
	const scenarios = await suite.run({ runs, log: (line) => process.stderr.write(`  ${line}\n`) });
	const result = { suite: name, measuredAt: new Date().toISOString(), runs, machine, scenarios };
	writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify(result, null, '\t') + '\n');
	process.stdout.write(`\n${suite.format(scenarios, runs)}\n\nWritten to bench/results/${name}.json\n`);
}
