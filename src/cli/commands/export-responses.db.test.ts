import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { loadConfig } from '#lib/server/config.ts';
import type { AppContext } from '#lib/server/context.ts';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { newCollectionFixture } from '../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../test/db.ts';
import type { CommandIo } from '../command.ts';
import { runCli } from '../main.ts';

/** Runs the CLI against the test database, capturing lines and the bytes written to standard output. */
async function cli(env: TestEnv, argv: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const written: Buffer[] = [];
	const ctx: AppContext = { ...env, config: loadConfig({}), dbHandle: { ...env.handle, close: async () => {} }, demoCreated: false, close: async () => {} };
	const io: CommandIo = {
		out: (t) => out.push(t),
		err: (t) => err.push(t),
		context: async () => ctx,
		write: async (data) => void written.push(Buffer.from(data))
	};
	const code = await runCli(argv, io);
	return { code, out: out.join('\n'), err: err.join('\n'), stdout: Buffer.concat(written) };
}

describeDb('aspa export responses / import responses', (env) => {
	beforeEach(() => env().setNow(new Date('2026-06-01T09:00:00Z')));

	async function studyWithAnswers() {
		const fixture = await newCollectionFixture(env());
		for (const service of ['5', '3']) {
			await submitResponse(env(), {
				collector: { mode: 'survey', slug: fixture.slug },
				submissionId: randomUUID(),
				values: { 'q.service': service, 'q.age': '30-44', 'q.comment': '@risk: kommentti' },
				language: 'fi'
			});
		}
		const { key } = await env().db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow();
		return { fixture, key };
	}

	it('writes CSV to standard output and XLSX to a file, then imports the CSV back as already present', async () => {
		const { key } = await studyWithAnswers();
		const csv = await cli(env(), ['export', 'responses', '--study', key]);
		expect(csv.code).toBe(0);
		expect(csv.err).toBe(`Exported 2 responses of study ${key}.`);
		const text = csv.stdout.toString('utf8');
		expect(text.split('\r\n')[0]).toMatch(/^\ufeff_response_id,_round,_library,_channel,_language,_submitted_at,_segment\.age_band,/);
		expect(text).toContain(",'@risk: kommentti");

		const dir = await mkdtemp(join(tmpdir(), 'aspa-export-'));
		const xlsx = await cli(env(), ['export', 'responses', '--study', key, '--format', 'xlsx', '--out', join(dir, 'answers.xlsx')]);
		expect(xlsx).toMatchObject({ code: 0, err: `Exported 2 responses of study ${key} to ${join(dir, 'answers.xlsx')}.` });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(join(dir, 'answers.xlsx'));
		expect(workbook.worksheets[0]!.rowCount).toBe(3);

		await writeFile(join(dir, 'answers.csv'), text);
		const again = await cli(env(), ['import', 'responses', '--study', key, '--file', join(dir, 'answers.csv')]);
		expect(again).toMatchObject({ code: 0, out: `Imported 0 responses into study ${key}; 2 already present.` });
		expect(await readFile(join(dir, 'answers.csv'), 'utf8')).toBe(text);
	});

	it('imports nothing from a file with a bad row and names its line and column', async () => {
		const { fixture, key } = await studyWithAnswers();
		const dir = await mkdtemp(join(tmpdir(), 'aspa-import-'));
		await writeFile(join(dir, 'paper.csv'), `_library,service,age\n${fixture.tree.libraryKey},4,30-44\n${fixture.tree.libraryKey},six,30-44\n`);
		const result = await cli(env(), ['import', 'responses', '--study', key, '--file', join(dir, 'paper.csv'), '--round', 'r1']);
		expect(result.code).toBe(1);
		expect(result.err).toContain('Error (response_import_invalid)');
		expect(result.err).toContain('line 3, column service');
		const count = await env().db.selectFrom('response').select((eb) => eb.fn.countAll<number>().as('n')).where('studyId', '=', fixture.studyId).executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(2);
	});

	it('refuses a confidential study and explains its options', async () => {
		const secret = await newCollectionFixture(env(), { confidential: true });
		const { key } = await env().db.selectFrom('study').select('key').where('id', '=', secret.studyId).executeTakeFirstOrThrow();
		const refused = await cli(env(), ['export', 'responses', '--study', key]);
		expect(refused.code).toBe(1);
		expect(refused.err).toContain('study_confidential');
		const bad = await cli(env(), ['export', 'responses', '--study', key, '--format', 'pdf']);
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('--format must be one of csv, xlsx, json');
		const help = await cli(env(), ['import', 'responses', '--help']);
		expect(help.out).toContain('import responses --study KEY --file F.csv [--round KEY]');
	});
});
