import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { acquireDataDirLock, LOCK_FILE, readDataDirLock } from './data-dir-lock.ts';
import { openPglite } from './client.ts';
import { migrateToLatest } from './migrate.ts';
import { isAppError } from '#lib/core/errors.ts';
import { runCli } from '../../../test/cli.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'aspa-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that belonged to a process which has exited. */
async function deadPid(): Promise<number> {
	const child = spawn(node, ['-e', '']);
	await new Promise((resolve) => child.on('exit', resolve));
	return child.pid!;
}

function writeLock(dir: string, content: string): void {
	writeFileSync(join(dir, LOCK_FILE), content);
}

function lockError(fn: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
	try {
		fn();
	} catch (error) {
		if (isAppError(error)) return error;
		throw error;
	}
	throw new Error('expected the lock to be refused');
}

/** Starts a process that takes the lock and holds it until its stdin closes. */
function startHolder(dir: string) {
	const child = spawn(node, [join(root, 'src/test/lock-holder.ts'), dir], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const answer = new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk) => {
			out += chunk;
			if (out.includes('\n')) resolve(out.trim());
		});
		child.on('close', (code) => reject(new Error(`lock holder exited with ${code} before answering: ${stderr}`)));
	});
	const exited = new Promise((resolve) => child.on('close', resolve));
	// A refused holder exits by itself; closing its stdin afterwards may report EPIPE.
	child.stdin.on('error', () => {});
	return {
		pid: child.pid!,
		answer,
		async stop() {
			child.stdin.end();
			await exited;
		}
	};
}

describe('embedded data directory lock', () => {
	it('refuses the CLI on a directory in use, naming the directory and the owner, and leaves the database intact', async () => {
		const dir = tempDir();
		const handle = await openPglite(dir);
		await migrateToLatest(handle.db);
		await sql`insert into network (key, kind, name_fi) values ('lock-test', 'consortium', 'Lukkotesti')`.execute(handle.db);

		const result = await runCli(['demo'], { ASPA_DATA_DIR: dir });

		expect(result.code).toBe(1);
		expect(result.stderr).toContain('data_dir_locked');
		expect(result.stderr).toContain(dir);
		expect(result.stderr).toContain(`process ${process.pid}`);
		const rows = await sql<{ key: string }>`select key from network`.execute(handle.db);
		expect(rows.rows.map((row) => row.key)).toEqual(['lock-test']);
		await handle.close();
		expect(readDataDirLock(dir)).toBeNull();

		const reopened = await openPglite(dir);
		const again = await sql<{ key: string }>`select key from network`.execute(reopened.db);
		await reopened.close();
		expect(again.rows.map((row) => row.key)).toEqual(['lock-test']);
	});

	it('lets the CLI take over a lock left by a process that died', async () => {
		const dir = tempDir();
		writeLock(dir, JSON.stringify({ pid: await deadPid(), startedAt: null, host: hostname() }));

		const result = await runCli(['migrate'], { ASPA_DATA_DIR: dir });

		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Applied: ');
		expect(readDataDirLock(dir)).toBeNull();
	});

	it('refuses while the owning process lives and takes over once it is gone', async () => {
		const dir = tempDir();
		const holder = startHolder(dir);
		expect(await holder.answer).toBe('acquired');
		expect(readDataDirLock(dir)?.pid).toBe(holder.pid);

		const refused = lockError(() => acquireDataDirLock(dir));
		expect(refused.code).toBe('data_dir_locked');
		expect(refused.details).toMatchObject({ dataDir: dir, pid: holder.pid });

		await holder.stop();
		const lock = acquireDataDirLock(dir);
		expect(readDataDirLock(dir)?.pid).toBe(process.pid);
		lock.release();
		expect(readdirSync(dir)).toEqual([]);
	});

	it('takes over a lock whose pid now belongs to another process', async () => {
		const dir = tempDir();
		const holder = startHolder(dir);
		expect(await holder.answer).toBe('acquired');
		const real = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
		// The same pid with another start time: the process that wrote the lock is gone and the
		// kernel gave its pid to this unrelated one.
		writeLock(dir, JSON.stringify({ ...real, startedAt: String(Number(real.startedAt) - 1) }));

		const lock = acquireDataDirLock(dir);
		expect(readDataDirLock(dir)?.pid).toBe(process.pid);
		lock.release();
		await holder.stop();
	});

	it('takes over a lock file that cannot be read (torn by a power loss)', () => {
		const dir = tempDir();
		writeLock(dir, '');
		const lock = acquireDataDirLock(dir);
		expect(readDataDirLock(dir)?.pid).toBe(process.pid);
		lock.release();
	});

	it('refuses a second open of the same directory in the same process', () => {
		const dir = tempDir();
		const lock = acquireDataDirLock(dir);
		const refused = lockError(() => acquireDataDirLock(dir));
		expect(refused.message).toContain('(this process)');
		lock.release();
	});

	it('leaves a lock alone that another process took over', () => {
		const dir = tempDir();
		const lock = acquireDataDirLock(dir);
		const other = JSON.stringify({ pid: process.ppid, startedAt: null, host: hostname() });
		writeLock(dir, other);
		lock.release();
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
	});

	it('lets exactly one of several processes racing for a stale lock win', async () => {
		const dir = tempDir();
		writeLock(dir, JSON.stringify({ pid: await deadPid(), startedAt: null, host: hostname() }));

		const holders = Array.from({ length: 6 }, () => startHolder(dir));
		const answers = await Promise.all(holders.map((holder) => holder.answer));
		const winners = holders.filter((_, i) => answers[i] === 'acquired');

		expect(answers.filter((answer) => answer === 'refused data_dir_locked')).toHaveLength(5);
		expect(winners).toHaveLength(1);
		expect(readDataDirLock(dir)?.pid).toBe(winners[0]!.pid);
		await Promise.all(holders.map((holder) => holder.stop()));
		expect(readdirSync(dir)).toEqual([]);
	});
});
