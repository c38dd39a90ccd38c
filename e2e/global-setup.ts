import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.ts';
import { buildIfStale } from '../scripts/build-if-stale.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
	}
}

/**
 * One built Aspa for the whole end-to-end run: a fresh embedded data directory, so the server
 * creates the demo exactly as `npm start` does on a new machine. Tests that change data use keys
 * of their own, so files do not depend on each other's order.
 */
export default async function setup(project: TestProject) {
	if (buildIfStale() !== 0) throw new Error('The build failed; see above.');
	const dataDir = mkdtempSync(join(tmpdir(), 'aspa-e2e-'));
	const server = await startServer({ ASPA_DATA_DIR: dataDir });
	project.provide('baseUrl', server.url);
	project.provide('dataDir', dataDir);
	return async () => {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	};
}
