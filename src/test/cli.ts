import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs `npm run aspa -- <args>` as its own process, on the pinned Node 24 (the way an operator runs
 * it), with the test's environment plus `env`. DATABASE_URL is cleared unless `env` sets it.
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(join(root, 'node_modules/.bin/node'), ['src/cli/main.ts', ...args], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
