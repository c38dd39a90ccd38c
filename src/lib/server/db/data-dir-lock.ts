import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '#lib/core/errors.ts';

export interface DataDirLock {
	path: string;
	release(): void;
}

/** What the lock file says about its owner. */
export interface LockOwner {
	pid: number;
	/** The owner's start time in clock ticks since boot (Linux /proc), to tell a reused pid apart. */
	startedAt: string | null;
	host: string;
}

export const LOCK_FILE = 'aspa.lock';

/**
 * PGlite is one PostgreSQL backend in this process's memory; two processes on the same directory
 * each believe they own it and one silently loses the other's writes. A lock file naming the owner
 * makes the second process stop with a message. A lock left by a process that died (kill -9,
 * power loss) is taken over, since its owner can no longer write.
 *
 * How it stays correct:
 * - The file appears with its content in one step (written aside, then hard-linked into place,
 *   which fails if the name exists), so a reader never sees a half-written lock.
 * - Liveness is the pid plus the process start time, so a pid reused by an unrelated process after
 *   a reboot or in a restarted container does not keep the directory locked forever.
 * - Taking over a stale lock happens under a second, short-lived guard file, and only removes the
 *   lock if it still holds the very content found stale, so two processes racing for a stale lock
 *   cannot both win.
 *
 * Limits: the lock sees processes on this machine only (keep the data directory off shared
 * network disks), and where /proc is missing (macOS) a reused pid still counts as the owner until
 * the lock file is deleted by hand. A process that dies inside the guard's microsecond window
 * leaves a guard that the next taker clears the same way.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
	const path = join(dataDir, LOCK_FILE);
	const me = currentOwner();
	const content = JSON.stringify(me);
	const staged = `${path}.${process.pid}.tmp`;
	writeFileSync(staged, content);
	try {
		for (let attempt = 0; attempt < 200; attempt++) {
			if (tryLink(staged, path)) return hold(path, content);
			const found = readLock(path);
			if (!found) continue; // released between our attempt and the read: try again
			// Our own pid counts as alive too: two PGlite instances in one process are just as unsafe.
			if (found.owner && ownerIsAlive(found.owner)) {
				throw lockedError(dataDir, found.owner);
			}
			if (!removeStaleLock(path, staged, found.raw)) sleep(5);
		}
	} finally {
		rmSync(staged, { force: true });
	}
	throw new AppError('conflict', 'data_dir_locked', `Could not lock the data directory ${dataDir}.`, {
		details: { dataDir }
	});
}

/** Reads who holds the lock of `dataDir`, or null when nobody does (for tests and diagnostics). */
export function readDataDirLock(dataDir: string): LockOwner | null {
	return readLock(join(dataDir, LOCK_FILE))?.owner ?? null;
}

function currentOwner(): LockOwner {
	return { pid: process.pid, startedAt: processStartTime(process.pid), host: hostname() };
}

function hold(path: string, content: string): DataDirLock {
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		process.off('exit', release);
		// Remove only our own lock: never one that another process took over meanwhile.
		if (readLock(path)?.raw === content) rmSync(path, { force: true });
	};
	process.on('exit', release);
	return { path, release };
}

function removeStaleLock(path: string, staged: string, staleContent: string): boolean {
	const guard = `${path}.takeover`;
	if (!tryLink(staged, guard)) {
		const taker = readLock(guard);
		if (taker && !(taker.owner && ownerIsAlive(taker.owner))) rmSync(guard, { force: true });
		return false;
	}
	try {
		if (readLock(path)?.raw === staleContent) unlinkSync(path);
	} finally {
		rmSync(guard, { force: true });
	}
	return true;
}

function tryLink(from: string, to: string): boolean {
	try {
		linkSync(from, to);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

/** The lock's text and its parsed owner (null when unreadable: a lock torn by power loss). */
function readLock(path: string): { raw: string; owner: LockOwner | null } | undefined {
	let raw: string;
	try {
		raw = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	try {
		const parsed = JSON.parse(raw) as Partial<LockOwner>;
		if (!Number.isInteger(parsed.pid) || (parsed.pid as number) <= 0) return { raw, owner: null };
		return {
			raw,
			owner: { pid: parsed.pid as number, startedAt: parsed.startedAt ?? null, host: parsed.host ?? '' }
		};
	} catch {
		return { raw, owner: null };
	}
}

function ownerIsAlive(owner: LockOwner): boolean {
	if (!processExists(owner.pid)) return false;
	if (owner.startedAt === null) return true;
	const startedAt = processStartTime(owner.pid);
	// Unknown start time (no /proc, or the process is not ours to read): trust the pid.
	return startedAt === null || startedAt === owner.startedAt;
}

function processExists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else; it still owns the directory.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot. The command name
 * (field 2) is in parentheses and may contain spaces, so fields are counted after the last ')'.
 */
function processStartTime(pid: number): string | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
	} catch {
		return null;
	}
}

function lockedError(dataDir: string, owner: LockOwner): AppError {
	const where =
		owner.pid === process.pid ? ' (this process)' : owner.host && owner.host !== hostname() ? ` on ${owner.host}` : '';
	return new AppError(
		'conflict',
		'data_dir_locked',
		`The data directory ${dataDir} is in use by process ${owner.pid}${where}. ` +
			'An embedded database belongs to one process: stop that process first ' +
			'(or run this command through it), or use PostgreSQL with DATABASE_URL.',
		{ details: { dataDir, pid: owner.pid } }
	);
}

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
