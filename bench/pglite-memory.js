// Memory of the embedded database alone (no web server): each measurement is a new process that
// opens a data directory with Aspa's own openPglite, for a new directory (initdb + migrations +
// demo) and for an existing one (before and after the first queries).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, table } from './lib/stats.js';

const probe = new URL('./lib/pglite-probe.js', import.meta.url).pathname;

/** @param {'fresh' | 'reopen'} mode @param {string} dir */
function runProbe(mode, dir) {
	const result = spawnSync(process.execPath, [probe, mode, dir], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`pglite-probe ${mode} failed:\n${result.stderr}`);
	return /** @type {{ step: string, ms: number, rssMiB: number, hwmMiB: number }[]} */ (JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]'));
}

/** @param {{ step: string, ms: number, rssMiB: number, hwmMiB: number }[][]} runs */
function summarise(runs) {
	return runs[0].map((first, i) => ({
		step: first.step,
		ms: median(runs.map((steps) => steps[i].ms)),
		rssMiB: median(runs.map((steps) => steps[i].rssMiB)),
		hwmMiB: median(runs.map((steps) => steps[i].hwmMiB))
	}));
}

/** @param {{ runs: number, log: (line: string) => void }} options */
export async function benchPgliteMemory({ runs, log }) {
	const temp = mkdtempSync(join(tmpdir(), 'aspa-bench-pglite-'));
	try {
		const fresh = [];
		for (let i = 0; i < runs; i++) {
			log(`pglite fresh directory run ${i + 1}/${runs}`);
			fresh.push(runProbe('fresh', join(temp, `dir-${i}`)));
		}
		const reopen = [];
		for (let i = 0; i < runs; i++) {
			log(`pglite existing directory run ${i + 1}/${runs}`);
			reopen.push(runProbe('reopen', join(temp, 'dir-0')));
		}
		return {
			fresh: { description: 'new data directory: initdb, migrations, demo', steps: summarise(fresh) },
			reopen: { description: 'existing data directory with the demo', steps: summarise(reopen) }
		};
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}

/** @param {Record<string, { steps: { step: string, ms: number, rssMiB: number, hwmMiB: number }[] }>} scenarios @param {number} runs */
export function formatPgliteMemory(scenarios, runs) {
	const rows = [['directory / step', 'ms since start', 'RSS MiB', 'peak MiB']];
	for (const [name, scenario] of Object.entries(scenarios)) {
		for (const step of scenario.steps) rows.push([`${name}: ${step.step}`, step.ms, step.rssMiB, step.hwmMiB]);
	}
	return [`Embedded database alone (openPglite in a bare Node process), median of ${runs} runs`, table(rows)].join('\n');
}
