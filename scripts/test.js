// `npm test`: every tier, in order, with a loud line for each tier this machine cannot run.
//
//   static  paraglide compile, ESLint (with the layer rules), svelte-check
//   unit    pure and database tests on PGlite (vitest project `unit`)
//   pg      the same database tests on PostgreSQL — needs TEST_DATABASE_URL
//   e2e     the built app in Debian's Chromium with axe-core — needs /usr/bin/chromium
//
// ASPA_REQUIRE_ALL_TIERS=1 (set by .ci/run) turns a skipped tier into a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const chromium = process.env.ASPA_CHROMIUM ?? '/usr/bin/chromium';
const requireAll = process.env.ASPA_REQUIRE_ALL_TIERS === '1';
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs just that tier

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedTiers = [];
let failed = false;

function run(label, command, args, env = {}) {
	process.stdout.write(`\n▶ ${label}\n`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) {
		process.stdout.write(`✗ ${label} failed (exit ${result.status ?? result.signal})\n`);
		failed = true;
	}
	return result.status === 0;
}

function vitest(project, label, env = {}) {
	mkdirSync(join(root, '.tmp'), { recursive: true });
	const report = join(root, '.tmp', `vitest-${project}.json`);
	run(label, process.execPath, [bin('vitest'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`], env);
	if (existsSync(report)) {
		const json = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += json.numPassedTests ?? 0;
		totals.failed += json.numFailedTests ?? 0;
		totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
	}
}

function skip(tier, why) {
	skippedTiers.push(tier);
	const line = `!!! TIER SKIPPED: ${tier} — ${why}`;
	process.stdout.write(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}\n`);
}

const wants = (tier) => only.length === 0 || only.includes(tier);

if (wants('static')) {
	run('paraglide: compile messages', process.execPath, [bin('paraglide-js'), 'compile', '--project', './project.inlang', '--outdir', './src/lib/paraglide', '--silent']);
	run('eslint (includes the layer rules)', process.execPath, [bin('eslint'), '.', '--max-warnings=0']);
	run('svelte-kit sync', process.execPath, [bin('svelte-kit'), 'sync']);
	run('svelte-check', process.execPath, [bin('svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']);
}

if (wants('unit')) {
	if (process.env.TEST_DATABASE_URL) {
		vitest('unit', 'unit and database tests (PGlite and PostgreSQL)');
	} else {
		vitest('unit', 'unit and database tests (PGlite only)');
		skip('pg', 'TEST_DATABASE_URL is not set, so the database tests ran on PGlite only');
	}
}

if (wants('e2e')) {
	if (existsSync(chromium)) {
		vitest('e2e', `end-to-end tests in ${chromium}`);
	} else {
		skip('e2e', `no Chromium at ${chromium} (apt-get install chromium), so no end-to-end or accessibility tests ran`);
	}
}

if (skippedTiers.length && requireAll) {
	process.stdout.write(`\n✗ ASPA_REQUIRE_ALL_TIERS=1 and these tiers were skipped: ${skippedTiers.join(', ')}\n`);
	failed = true;
}
if (failed && totals.failed === 0) totals.failed = 1; // a failed step that is not a test still fails the run

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failed ? 1 : 0);
