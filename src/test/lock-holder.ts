// Test helper run as a child process: takes the data-directory lock of argv[2], prints
// `acquired` or `refused`, and holds the lock until its stdin closes. Used to race processes.
import { acquireDataDirLock } from '#lib/server/db/data-dir-lock.ts';
import { isAppError } from '#lib/core/errors.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: lock-holder.ts DATA_DIR');
try {
	const lock = acquireDataDirLock(dataDir);
	process.stdout.write('acquired\n');
	process.stdin.resume();
	process.stdin.on('end', () => {
		lock.release();
		process.exit(0);
	});
} catch (error) {
	if (!isAppError(error)) throw error;
	process.stdout.write(`refused ${error.code}\n`);
}
