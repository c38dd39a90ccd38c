import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { describeDb, type TestEnv } from '../../test/db.ts';
import { loadConfig } from '#lib/server/config.ts';
import type { AppContext } from '#lib/server/context.ts';
import { runCli } from '../main.ts';
import type { CommandIo } from '../command.ts';

const fixture = fileURLToPath(new URL('../../lib/core/fixtures/kirkanta-lastu.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aspa-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI against the test database, capturing what it prints. */
async function cli(env: TestEnv, argv: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const ctx: AppContext = { ...env, config: loadConfig({}), dbHandle: { ...env.handle, close: async () => {} }, demoCreated: false, close: async () => {} };
	const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t), context: async () => ctx };
	const code = await runCli(argv, io);
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describeDb('aspa import libraries', (env) => {
	it('prints the summary, audits the import as done at the command line, and changes nothing the second time', async () => {
		const first = await cli(env(), ['import', 'libraries', '--file', fixture]);
		expect(first).toMatchObject({ code: 0, err: '' });
		expect(first.out).toContain('libraries       10 created, 0 updated, 0 unchanged');
		expect(first.out).toContain('memberships     19 started, 0 ended');
		const second = await cli(env(), ['import', 'libraries', '--file', fixture]);
		expect(second.out).toContain('libraries       0 created, 0 updated, 10 unchanged');
		const events = await env().db.selectFrom('auditEvent').select(['actorUserId', 'details']).where('action', '=', 'organisations.import').execute();
		expect(events.map((e) => [e.actorUserId, e.details.via])).toEqual([
			[null, 'cli'],
			[null, 'cli']
		]);
	});

	it('exits 1 and names the record and field of a malformed file', async () => {
		const file = join(dir, 'bad.json');
		writeFileSync(file, JSON.stringify({ result: [{ id: 5, name: { fi: 'Virheellinen' }, type: 'municipal', isil: 'Lahti' }] }));
		const result = await cli(env(), ['import', 'libraries', '--file', file]);
		expect(result).toMatchObject({ code: 1, out: '' });
		expect(result.err).toContain('Error (org_import_invalid)');
		expect(result.err).toContain('Record 1 (result[0], id 5, "Virheellinen"), field "isil" is not an ISIL code');
	});

	it('exits 2 with usage when the file is missing or unreadable', async () => {
		expect((await cli(env(), ['import', 'libraries'])).code).toBe(2);
		const unreadable = await cli(env(), ['import', 'libraries', '--file', join(dir, 'nope.json')]);
		expect(unreadable.code).toBe(2);
		expect(unreadable.err).toContain('Cannot read');
	});
});
