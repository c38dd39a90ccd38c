import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { beforeEach, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '#lib/core/errors.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { isShown } from '#lib/core/report/model.ts';
import { deleteResponse, listAnswerFacets } from '#lib/server/db/responses.ts';
import { readCsv } from '#lib/server/report-export/read-csv.ts';
import { rawExportStream } from '#lib/server/report-export/raw-files.ts';
import { newUser } from '../../../../test/account-builders.ts';
import { newCollectionFixture, type CollectionFixture } from '../../../../test/collection-builders.ts';
import { describeDb, type TestEnv } from '../../../../test/db.ts';
import { submitResponse } from '../collection/submit-response.ts';
import { createStudy } from '../collection/create-study.ts';
import { createRound } from '../collection/create-round.ts';
import { CLI_OPERATOR } from '../import-libraries.ts';
import { exportResponses, type ExportActor, type RawExportFormat } from './export-responses.ts';
import { buildStudyReport } from './build-report.ts';
import { importResponses } from './import-responses.ts';

const base = new Date('2026-06-01T09:00:00Z');

function answers(fixture: CollectionFixture, extra: RawFormData = {}): RawFormData {
	return {
		'q.service': '4',
		'q.age': '15-29',
		'q.home': fixture.tree.libraryKey,
		'q.channels': ['web', 'other'],
		'q.channels.other': '=HYPERLINK("http://x")',
		'q.staff.friendly': '5',
		'q.staff.expert': 'na',
		'q.comment': 'Kiitos, "hyvä" palvelu!\nToinen rivi.',
		...extra
	};
}

async function submit(env: TestEnv, fixture: CollectionFixture, extra: RawFormData = {}) {
	return submitResponse(env, { collector: { mode: 'survey', slug: fixture.slug }, submissionId: randomUUID(), values: answers(fixture, extra), language: 'fi' });
}

async function exported(env: TestEnv, actor: ExportActor, studyKey: string, format: RawExportFormat = 'csv'): Promise<string> {
	return text(rawExportStream(await exportResponses(env, actor, { studyKey, format }), format));
}

async function studyKey(env: TestEnv, fixture: CollectionFixture): Promise<string> {
	return (await env.db.selectFrom('study').select('key').where('id', '=', fixture.studyId).executeTakeFirstOrThrow()).key;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
	const caught = await promise.then(
		() => undefined,
		(error: unknown) => error
	);
	if (!(caught instanceof AppError)) throw new Error(`expected an AppError, got ${String(caught)}`);
	return caught;
}

async function responseIds(env: TestEnv, studyId: number): Promise<number[]> {
	return (await env.db.selectFrom('response').select('id').where('studyId', '=', studyId).orderBy('id').execute()).map((row) => row.id);
}

describeDb('raw response export and import', (env) => {
	beforeEach(() => env().setNow(base));

	it('exports one row per response with meta, segment and answer columns, guarded against formulas', async () => {
		const fixture = await newCollectionFixture(env());
		const first = await submit(env(), fixture);
		env().setNow(new Date(base.getTime() + 60_000));
		await submit(env(), fixture, { 'q.service': '2', 'q.age': '45-64', 'q.channels': 'desk', 'q.channels.other': '', 'q.staff.friendly': 'na', 'q.comment': '' });
		const key = await studyKey(env(), fixture);
		const csv = readCsv(await exported(env(), fixture.admin, key));
		if (!csv.ok) throw new Error(csv.message);
		expect(csv.header).toEqual([
			'_response_id',
			'_round',
			'_library',
			'_channel',
			'_language',
			'_submitted_at',
			'_segment.age_band',
			'_segment.home_library',
			'service',
			'age',
			'home',
			'channels',
			'channels.other',
			'staff.friendly',
			'staff.expert',
			'comment'
		]);
		const submission = await env().db.selectFrom('response').select('submissionId').where('id', '=', first.responseId).executeTakeFirstOrThrow();
		expect(csv.records.map((record) => record.cells)).toEqual([
			[submission.submissionId, 'r1', fixture.tree.libraryKey, 'web', 'fi', base.toISOString(), '15-29', fixture.tree.libraryKey, '4', '15-29', fixture.tree.libraryKey, 'other web', '=HYPERLINK("http://x")', '5', 'na', 'Kiitos, "hyvä" palvelu!\nToinen rivi.'],
			[expect.any(String), 'r1', fixture.tree.libraryKey, 'web', 'fi', new Date(base.getTime() + 60_000).toISOString(), '45-64', fixture.tree.libraryKey, '2', '45-64', fixture.tree.libraryKey, 'desk', '', 'na', 'na', '']
		]);
		// In the file itself the formula is defused by a leading apostrophe (readCsv undoes it).
		expect(await exported(env(), fixture.admin, key)).toContain(`,"'=HYPERLINK(""http://x"")",`);
		const audit = await env().db.selectFrom('auditEvent').select(['action', 'details']).where('targetType', '=', 'study').where('targetId', '=', String(fixture.studyId)).execute();
		expect(audit.filter((event) => event.action === 'response.export')).toHaveLength(2);
	});

	it('writes XLSX with numbers as numbers and JSON with typed values', async () => {
		const fixture = await newCollectionFixture(env());
		await submit(env(), fixture);
		const key = await studyKey(env(), fixture);
		const workbook = new ExcelJS.Workbook();
		const stream = rawExportStream(await exportResponses(env(), fixture.admin, { studyKey: key, format: 'xlsx' }), 'xlsx');
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		const row = (sheet.getRow(2).values as unknown[]).slice(1);
		expect(row[header.indexOf('service')]).toBe(4);
		expect(row[header.indexOf('staff.expert')]).toBe('na');
		expect(row[header.indexOf('channels.other')]).toBe('=HYPERLINK("http://x")');
		const json = JSON.parse(await exported(env(), fixture.admin, key, 'json')) as { formatVersion: number; columns: { name: string; type: string }[]; responses: Record<string, unknown>[] };
		expect(json.formatVersion).toBe(1);
		expect(json.columns.find((column) => column.name === 'service')?.type).toBe('number');
		expect(json.responses).toHaveLength(1);
		expect(json.responses[0]).toMatchObject({ service: 4, 'staff.friendly': 5, 'staff.expert': 'na', channels: 'other web', _channel: 'web' });
	});

	it('round-trips: re-import stores nothing, and into an emptied study restores the same export', async () => {
		const fixture = await newCollectionFixture(env());
		for (let i = 0; i < 3; i++) {
			env().setNow(new Date(base.getTime() + i * 3_600_000));
			await submit(env(), fixture, { 'q.service': String(i + 2) });
		}
		const key = await studyKey(env(), fixture);
		const before = await exported(env(), CLI_OPERATOR, key);
		const facetsBefore = await Promise.all((await responseIds(env(), fixture.studyId)).map((id) => listAnswerFacets(env().db, id)));

		expect(await importResponses(env(), CLI_OPERATOR, { studyKey: key, csv: before })).toEqual({ rows: 3, imported: 0, alreadyPresent: 3 });
		expect(await responseIds(env(), fixture.studyId)).toHaveLength(3);

		for (const id of await responseIds(env(), fixture.studyId)) await deleteResponse(env().db, id);
		expect(await importResponses(env(), fixture.admin, { studyKey: key, csv: before })).toEqual({ rows: 3, imported: 3, alreadyPresent: 0 });
		expect(await exported(env(), CLI_OPERATOR, key)).toBe(before);
		const sort = (facets: { itemId: string; facet: string }[]) => [...facets].sort((a, b) => `${a.itemId}/${a.facet}`.localeCompare(`${b.itemId}/${b.facet}`));
		const facetsAfter = await Promise.all((await responseIds(env(), fixture.studyId)).map((id) => listAnswerFacets(env().db, id)));
		expect(facetsAfter.map(sort)).toEqual(facetsBefore.map(sort));
		const stored = await env().db.selectFrom('response').select(['channel', 'collectorId', 'ageBand', 'homeLibraryId']).where('studyId', '=', fixture.studyId).execute();
		expect(stored.every((row) => row.channel === 'web' && row.collectorId === null && row.ageBand === '15-29' && row.homeLibraryId === fixture.tree.libraryId)).toBe(true);

		expect(await importResponses(env(), CLI_OPERATOR, { studyKey: key, csv: before })).toEqual({ rows: 3, imported: 0, alreadyPresent: 3 });
	});

	it('imports a hand-made file into a fresh study with defaults, and again idempotently', async () => {
		const fixture = await newCollectionFixture(env());
		const study = await createStudy(env(), fixture.admin, {
			key: `fresh-${fixture.studyId}`,
			name: { fi: 'Tuore' },
			instrumentId: fixture.instrumentId,
			scope: [{ type: 'network', id: fixture.tree.networkId }],
			confidential: false,
			usesTokens: false,
			onePerDevice: false
		});
		await createRound(env(), fixture.admin, { studyId: study.id, key: 'spring', name: { fi: 'Kevät' }, opensAt: new Date('2026-05-01T00:00:00Z'), closesAt: new Date('2026-07-01T00:00:00Z') });
		// Semicolons as a spreadsheet in Finnish settings saves them; two identical paper forms.
		const file = `_library;service;age;staff.friendly;channels;comment\r\n${fixture.tree.libraryKey};5;45-64;4;web,chat;\r\n${fixture.tree.libraryKey};5;45-64;4;web,chat;\r\n;3;;;;"ei kirjastoa"\r\n`;
		expect(await importResponses(env(), CLI_OPERATOR, { studyKey: study.key, csv: file, roundKey: 'spring' })).toEqual({ rows: 3, imported: 3, alreadyPresent: 0 });
		expect(await importResponses(env(), CLI_OPERATOR, { studyKey: study.key, csv: file, roundKey: 'spring' })).toEqual({ rows: 3, imported: 0, alreadyPresent: 3 });
		const rows = await env().db.selectFrom('response').select(['channel', 'language', 'submittedAt', 'libraryId', 'ageBand']).where('studyId', '=', study.id).orderBy('id').execute();
		expect(rows).toEqual([
			{ channel: 'paper', language: 'fi', submittedAt: base, libraryId: fixture.tree.libraryId, ageBand: '45-64' },
			{ channel: 'paper', language: 'fi', submittedAt: base, libraryId: fixture.tree.libraryId, ageBand: '45-64' },
			{ channel: 'paper', language: 'fi', submittedAt: base, libraryId: null, ageBand: null }
		]);
	});

	it('keeps the report current: imported answers are counted like submitted ones', async () => {
		const fixture = await newCollectionFixture(env());
		const key = await studyKey(env(), fixture);
		// Six paper forms; the mean of 5, 5, 4, 4, 3, 3 is 4.0.
		const file = ['_library,service,age', ...['5', '5', '4', '4', '3', '3'].map((value) => `${fixture.tree.libraryKey},${value},30-44`)].join('\n');
		expect(await importResponses(env(), CLI_OPERATOR, { studyKey: key, csv: file, roundKey: 'r1' })).toMatchObject({ imported: 6 });
		const model = await buildStudyReport(env(), fixture.admin, { studyKey: key, scope: { type: 'library', key: fixture.tree.libraryKey }, filter: {}, locale: 'fi' });
		const mean = model.questions.find((question) => question.itemId === 'service')?.tables.find((table) => table.measure === 'mean');
		const cell = mean?.rows[0]?.cells[0];
		if (!cell || !isShown(cell)) throw new Error('the mean of the imported answers should be shown');
		expect(cell.n).toBe(6);
		expect(cell.value).toBeCloseTo(4, 10);
	});

	it('names every bad row by line and column and imports nothing', async () => {
		const fixture = await newCollectionFixture(env());
		const key = await studyKey(env(), fixture);
		const lib = fixture.tree.libraryKey;
		const file = [
			'_response_id,_round,_library,_channel,_submitted_at,service,age,comment',
			`${randomUUID()},r1,${lib},paper,2026-05-31T10:00:00Z,4,15-29,hyvä`,
			`${randomUUID()},r1,${lib},paper,2026-05-31,9,15-29,"monta`,
			`riviä"`,
			`${randomUUID()},r2,no-such-library,fax,yesterday,,15-29,`,
			`not-a-uuid,r1,${lib},web,,3,99,`
		].join('\n');
		const error = await rejection(importResponses(env(), CLI_OPERATOR, { studyKey: key, csv: file }));
		expect(error.code).toBe('response_import_invalid');
		const problems = (error.details.problems as { line: number; column: string | null }[]).map((p) => `${p.line}:${p.column}`);
		expect(problems).toEqual(['3:service', '5:_round', '5:_library', '5:_channel', '5:_submitted_at', '6:_response_id', '6:age']);
		expect(error.message).toContain('line 3, column service');
		expect(await responseIds(env(), fixture.studyId)).toEqual([]);
	});

	it('refuses unknown columns, a confidential study and people without response.export', async () => {
		const fixture = await newCollectionFixture(env());
		const key = await studyKey(env(), fixture);
		const unknown = await rejection(importResponses(env(), CLI_OPERATOR, { studyKey: key, csv: 'service,servcie\n4,4\n' }));
		expect(unknown.details.problems).toEqual([{ line: 1, column: 'servcie', message: expect.stringContaining('servcie') }]);

		const secret = await newCollectionFixture(env(), { confidential: true });
		const secretKey = await studyKey(env(), secret);
		expect((await rejection(exportResponses(env(), CLI_OPERATOR, { studyKey: secretKey, format: 'csv' }))).code).toBe('study_confidential');
		expect((await rejection(importResponses(env(), secret.admin, { studyKey: secretKey, csv: 'service\n4\n' }))).code).toBe('study_confidential');

		const director = await newUser(env().db, [{ role: 'director', scopeType: 'library', scopeId: fixture.tree.libraryId }]);
		expect((await rejection(exportResponses(env(), director, { studyKey: key, format: 'csv' }))).kind).toBe('forbidden');
		expect((await rejection(importResponses(env(), director, { studyKey: key, csv: 'service\n4\n' }))).kind).toBe('forbidden');
		const coordinator = await newUser(env().db, [{ role: 'coordinator', scopeType: 'network', scopeId: fixture.tree.networkId }]);
		await submit(env(), fixture);
		expect(readCsvRows(await exported(env(), coordinator, key))).toBe(1);
	});
});

function readCsvRows(file: string): number {
	const csv = readCsv(file);
	if (!csv.ok) throw new Error(csv.message);
	return csv.records.length;
}
