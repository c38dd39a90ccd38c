import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../src/test/cli.ts';
import { readDataDirLock } from '#lib/server/db/data-dir-lock.ts';
import { baseUrl } from './browser.ts';
import { startServer } from './server.ts';

describe('the running server owns its embedded data directory', () => {
	it('refuses `aspa demo` on it with the directory and the server’s pid, and keeps serving', async () => {
		const dataDir = inject('dataDir');
		const owner = readDataDirLock(dataDir);
		expect(owner).not.toBeNull();

		const result = await runCli(['demo'], { ASPA_DATA_DIR: dataDir });

		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`Error (data_dir_locked): The data directory ${dataDir} is in use by process ${owner!.pid}.`);
		expect(readDataDirLock(dataDir)).toEqual(owner);
		const health = await (await fetch(`${baseUrl()}/healthz`)).json();
		expect(health).toMatchObject({ status: 'ok', db: 'pglite' });
	});

	it('refuses a second server on it with the same sentence', async () => {
		const dataDir = inject('dataDir');
		const owner = readDataDirLock(dataDir);
		const failure = await startServer({ ASPA_DATA_DIR: dataDir }).then(
			async (server) => {
				await server.stop();
				return 'started';
			},
			(error: Error) => error.message
		);
		expect(failure).toContain(`Aspa could not start (data_dir_locked): The data directory ${dataDir} is in use by process ${owner!.pid}.`);
		expect(readDataDirLock(dataDir)).toEqual(owner);
	});
});
