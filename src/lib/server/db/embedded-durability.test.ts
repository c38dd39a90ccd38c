import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPglite } from './client.ts';
import { readDataDirLock } from './data-dir-lock.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

/**
 * Runs the writer until it has acknowledged `target` commits, kills it with SIGKILL and returns
 * every id it acknowledged (including those that arrived while the signal was on its way).
 */
async function writeThenKill(dataDir: string, target: number): Promise<{ acknowledged: number[]; pid: number }> {
	const child = spawn(node, [join(root, 'src/test/durability-writer.ts'), dataDir], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const acknowledged: number[] = [];
	let stderr = '';
	let buffer = '';
	let killed = false;
	child.stderr.on('data', (chunk) => (stderr += chunk));
	child.stdout.on('data', (chunk) => {
		buffer += chunk;
		const lines = buffer.split('\n');
		buffer = lines.pop() ?? '';
		for (const line of lines) {
			if (line !== 'ready') acknowledged.push(Number(line));
		}
		if (!killed && acknowledged.length >= target) {
			killed = true;
			child.kill('SIGKILL');
		}
	});
	const signal = await new Promise((resolve) => child.on('close', (_code, signal) => resolve(signal)));
	if (signal !== 'SIGKILL') throw new Error(`The writer stopped by itself (${String(signal)}):\n${stderr}`);
	return { acknowledged, pid: child.pid! };
}

describe('embedded database durability', () => {
	it('opens with the settings docs/adr/0003-embedded-database.md relies on', async () => {
		const handle = await openPglite(undefined, { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
		try {
			const { rows } = await sql<{ name: string; setting: string }>`
				select name, current_setting(name) as setting
				from unnest(array['synchronous_commit', 'full_page_writes', 'fsync', 'shared_buffers']) as name
			`.execute(handle.db);
			expect(Object.fromEntries(rows.map((row) => [row.name, row.setting]))).toEqual({
				// A commit returns only after its WAL record was written to the file (the kernel's page cache).
				synchronous_commit: 'on',
				full_page_writes: 'on',
				// PGlite's default: the WASM file system has no fsync to call (see the ADR).
				fsync: 'off',
				shared_buffers: '64MB'
			});
		} finally {
			await handle.close();
		}
	});

	const dataDir = mkdtempSync(join(tmpdir(), 'aspa-durability-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	// Each round kills the writer at a different point (after 40, 150, … acknowledged commits, plus
	// whatever it committed while the signal travelled), so the kill lands in different phases of a
	// commit; every round reopens the directory the previous crash left behind.
	it.each([40, 150, 7, 300, 90])(
		'keeps every acknowledged commit after kill -9 (killed after %i acknowledgements)',
		async (target) => {
			const { acknowledged, pid } = await writeThenKill(dataDir, target);
			expect(acknowledged.length).toBeGreaterThanOrEqual(target);
			expect(readDataDirLock(dataDir)?.pid).toBe(pid); // the dead writer's lock is still there

			const handle = await openPglite(dataDir); // takes over the stale lock and recovers from WAL
			try {
				const { rows } = await sql<{ id: number }>`select id from durability_probe where id = any(${acknowledged})`.execute(
					handle.db
				);
				const found = new Set(rows.map((row) => row.id));
				expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
				// The recovered database takes writes again.
				await sql`insert into durability_probe (id, payload) values (${-target}, 'after recovery')`.execute(handle.db);
			} finally {
				await handle.close();
			}
		},
		60_000
	);
});
