import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { ReportModel } from '#lib/core/report/model.ts';
import { loadConfig } from '#lib/server/config.ts';
import type { AppContext } from '#lib/server/context.ts';
import { pdfAvailable } from '#lib/server/report-export/report-pdf.ts';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { newUser } from '../../test/account-builders.ts';
import { newCollectionFixture, type CollectionFixture } from '../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../test/db.ts';
import type { CommandIo } from '../command.ts';
import { runCli } from '../main.ts';

async function cli(env: TestEnv, argv: string[], config = loadConfig({})) {
	const out: string[] = [];
	const err: string[] = [];
	const written: Buffer[] = [];
	const ctx: AppContext = { ...env, config, dbHandle: { ...env.handle, close: async () => {} }, demoCreated: false, close: async () => {} };
	const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t), context: async () => ctx, write: async (data) => void written.push(Buffer.from(data)) };
	const code = await runCli(argv, io);
	return { code, out: out.join('\n'), err: err.join('\n'), stdout: Buffer.concat(written) };
}

describeDb('aspa report', (env) => {
	let fixture: CollectionFixture;
	let study: string;
	beforeAll(async () => {
		env().setNow(new Date('2026-06-01T09:00:00Z'));
		fixture = await newCollectionFixture(env());
		// Six answers: 5 × "5" and 1 × "1" to the rating `service`, all 15–29.
		for (const value of ['5', '5', '5', '5', '5', '1']) {
			await submitResponse(env(), { collector: { mode: 'survey', slug: fixture.slug }, submissionId: randomUUID(), values: { 'q.service': value, 'q.age': '15-29' }, language: 'fi' });
		}
		study = (await env().db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow()).key;
	});

	it('writes the report model as JSON to standard output, in the language asked', async () => {
		const result = await cli(env(), ['report', '--study', study, '--scope', `library:${fixture.tree.libraryKey}`, '--format', 'json', '--lang', 'sv']);
		expect(result.err).toBe('');
		expect(result.code).toBe(0);
		const model = JSON.parse(result.stdout.toString('utf8')) as ReportModel;
		expect(model).toMatchObject({ modelVersion: 1, locale: 'sv', study: { key: study }, scope: { type: 'library', key: fixture.tree.libraryKey } });
		const service = model.questions.find((question) => question.itemId === 'service');
		expect(service?.tables.length).toBeGreaterThan(0);
	});

	it('writes XLSX to a file and HTML with the report’s language', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'aspa-report-'));
		const file = join(dir, 'report.xlsx');
		const xlsx = await cli(env(), ['report', '--study', study, '--scope', `network:${fixture.tree.networkKey}`, '--format', 'xlsx', '--out', file]);
		expect(xlsx.code).toBe(0);
		expect(xlsx.err).toContain(`to ${file}`);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		expect(workbook.worksheets[0]!.name).toBe('Yleiskuva');
		expect(workbook.worksheets.length).toBeGreaterThan(1);
		const html = await cli(env(), ['report', '--study', study, '--scope', `library:${fixture.tree.libraryKey}`, '--format', 'html', '--lang', 'en']);
		expect(html.stdout.toString('utf8')).toMatch(/^<!doctype html>\n<html lang="en">/);
	});

	it.runIf(pdfAvailable(loadConfig({}).chromiumPath))('prints a tagged PDF to standard output', async () => {
		const result = await cli(env(), ['report', '--study', study, '--scope', `library:${fixture.tree.libraryKey}`, '--format', 'pdf']);
		expect(result.code).toBe(0);
		expect(result.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(result.stdout.toString('latin1')).toContain('/StructTreeRoot');
	});

	it('says what to do when there is no Chromium for a PDF', async () => {
		const result = await cli(env(), ['report', '--study', study, '--scope', `library:${fixture.tree.libraryKey}`, '--format', 'pdf'], loadConfig({ ASPA_CHROMIUM: '/nonexistent/chromium' }));
		expect(result.code).toBe(1);
		expect(result.err).toContain('report_pdf_unavailable');
		expect(result.err).toContain('--format html');
		expect(result.stdout.length).toBe(0);
	});

	it('acts as the user named by --as, refusing a unit outside their grants', async () => {
		const director = await newUser(env().db, [{ role: 'director', scopeType: 'library', scopeId: fixture.tree.outsideLibraryId }]);
		const refused = await cli(env(), ['report', '--study', study, '--scope', `library:${fixture.tree.libraryKey}`, '--format', 'json', '--as', director.email]);
		expect(refused.code).toBe(1);
		expect(refused.err).toContain('Error (forbidden)');
		const unknown = await cli(env(), ['report', '--study', study, '--scope', `library:${fixture.tree.libraryKey}`, '--as', 'nobody@aspa.test']);
		expect(unknown.err).toContain('user_not_found');
	});

	it('explains bad arguments', async () => {
		const bad = await cli(env(), ['report', '--study', study, '--scope', 'region:x']);
		expect(bad.code).toBe(2);
		expect(bad.err).toContain('--scope must be library:KEY, municipality:KEY or network:KEY.');
		const help = await cli(env(), ['report', '--help']);
		expect(help.out).toContain('--as VALUE');
	});
});
