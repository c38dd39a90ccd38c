import { openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#lib/core/errors.ts';

export interface DataDirLock {
	path: string;
	release(): void;
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else; it still owns the directory.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite is one PostgreSQL backend in this process's memory; two processes on the same directory
 * each believe they own it and one silently loses the other's writes. A lock file with the owner's
 * pid makes the second process stop with a message. A lock left by a process that died (kill -9,
 * power loss) is taken over, since its owner can no longer write.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
	const path = join(dataDir, 'aspa.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				process.off('exit', release);
				try {
					if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
				} catch {
					// Already gone: nothing to release.
				}
			};
			process.on('exit', release);
			return { path, release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
			if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
				throw new AppError(
					'conflict',
					'data_dir_locked',
					`The data directory ${dataDir} is in use by process ${owner}. ` +
						'An embedded database belongs to one process: stop that process first ' +
						'(or run this command through it), or use PostgreSQL with DATABASE_URL.',
					{ details: { dataDir, pid: owner } }
				);
			}
			unlinkSync(path);
		}
	}
	throw new AppError('conflict', 'data_dir_locked', `Could not lock the data directory ${dataDir}.`);
}
