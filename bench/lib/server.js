// Starts the built server (server.js, as `npm start` does) and measures it from outside: time to the
// first good /healthz and the kernel's view of its memory. Servers get free ports and are stopped
// by their process id.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const root = new URL('../..', import.meta.url).pathname;

export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
			probe.close(() => resolve(port));
		});
	});
}

/**
 * VmRSS (resident now) and VmHWM (the peak resident size so far) of a process, in MiB, from
 * /proc/PID/status.
 * @param {number} pid
 */
export function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (/** @type {string} */ field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

/**
 * Spawns server.js with `env` and polls /healthz every 10 ms; `startMs` runs from the spawn to the
 * first 200 answer, so it includes Node's start, the database open, migrations and the demo.
 * @param {Record<string, string>} env
 * @param {number} [timeoutMs]
 */
export async function startServer(env, timeoutMs = 120_000) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ORIGIN: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => child.once('exit', resolve));

	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};

	while (performance.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) {
				const startMs = performance.now() - started;
				return { url, pid: /** @type {number} */ (child.pid), startMs, health: await response.json(), stop, output: () => output };
			}
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	await stop();
	throw new Error(`The server did not answer /healthz within ${timeoutMs} ms:\n${output}`);
}
