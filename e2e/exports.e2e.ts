import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ReportModel } from '../src/lib/core/report/model.ts';
import { demoUsers, expectNoAxeViolations, launchBrowser, newContext, signIn } from './browser.ts';

/**
 * Report downloads and raw response exports against the demo (ADR 0020): the files are named by
 * study, unit and round, hide exactly what the report hides, and raw exports are offered to
 * coordinators only, never for the confidential staff survey. (reports.e2e.ts clicks the report
 * page's download links; this file checks the files themselves.)
 */
const downloads = '/reports/demo-customer/library/tampere-metso/download';

function hiddenFigures(model: ReportModel): number {
	const tables = [...model.overview.tables, ...model.overview.headlines, ...model.questions.flatMap((question) => question.tables)];
	return tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).filter((cell) => 'suppressed' in cell && cell.suppressed !== 'empty').length;
}

/** The model's hidden figures are the `..` cells of the XLSX and the hidden records of the CSV; returns how many. */
async function expectSameHidden(page: Page, base: string, query: string): Promise<number> {
	const model = (await (await page.request.get(`${base}/json${query}`)).json()) as ReportModel;
	const hidden = hiddenFigures(model);
	const xlsx = await page.request.get(`${base}/xlsx${query}`);
	expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
	const names = workbook.worksheets.map((sheet) => sheet.name);
	expect(names[0]).toBe('Yleiskuva');
	expect(names).toHaveLength(1 + model.questions.length + (model.openText.length ? 1 : 0));
	expect(names.every((name) => name.length <= 31)).toBe(true);
	let marks = 0;
	for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (cell.value === '..' && marks++)));
	expect(marks).toBe(hidden);
	const records = parse(await (await page.request.get(`${base}/csv${query}`)).text(), { bom: true }) as string[][];
	expect(records.slice(1).filter((record) => record[9] === 'ei näytetä (pieni ryhmä)')).toHaveLength(hidden);
	return hidden;
}

async function signedIn(browser: Browser, email: string, locale: 'fi' | 'sv' | 'en' = 'fi'): Promise<{ context: BrowserContext; page: Page }> {
	const context = await newContext(browser, { locale });
	const page = await context.newPage();
	await signIn(page, email);
	return { context, page };
}

describe('report downloads', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		({ context, page } = await signedIn(browser, demoUsers.director));
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('names the files by study, unit and round and hides in XLSX and CSV exactly what the model hides', async () => {
		const json = await page.request.get(`${downloads}/json?breakdown=age_band`);
		expect(json.status()).toBe(200);
		expect(json.headers()['content-disposition']).toMatch(/^attachment; filename="demo-customer-library-tampere-metso-[a-z0-9_-]+\.json"$/);
		const model = (await json.json()) as ReportModel;
		expect(model).toMatchObject({ modelVersion: 1, locale: 'fi', scope: { key: 'tampere-metso' }, filter: { breakdown: 'age_band' } });
		await expectSameHidden(page, downloads, '?breakdown=age_band');
		// The demo's small library: every age band is under the minimum group size.
		const coordinator = await signedIn(browser, demoUsers.coordinator);
		expect(await expectSameHidden(coordinator.page, '/reports/demo-customer/library/ikaalinen-main/download', '?breakdown=age_band')).toBeGreaterThan(0);
		await coordinator.context.close();
	});

	it('gives a standalone HTML file and a tagged PDF in the page’s language', async () => {
		const swedish = await signedIn(browser, demoUsers.director, 'sv');
		const html = await swedish.page.request.get(`${downloads}/html`);
		expect(html.status()).toBe(200);
		const text = await html.text();
		expect(text).toMatch(/^<!doctype html>\n<html lang="sv">/);
		expect(text).toContain('<caption>');
		const pdf = await swedish.page.request.get(`${downloads}/pdf`);
		expect(pdf.status()).toBe(200);
		const bytes = await pdf.body();
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.toString('latin1')).toContain('/StructTreeRoot');
		await swedish.context.close();
	});

	it('refuses an unknown format and a unit the director may not open', async () => {
		expect((await page.request.get(`${downloads}/docx`)).status()).toBe(404);
		expect((await page.request.get('/reports/demo-customer/network/pike/download/csv')).status()).toBe(403);
	});
});

describe('raw response export', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('is offered to a coordinator on the responses page and downloads one row per response', async () => {
		const { context, page } = await signedIn(browser, demoUsers.coordinator);
		await page.goto('/studies/demo-customer/responses');
		await expectNoAxeViolations(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="/studies/demo-customer/export/csv"]')]);
		expect(download.suggestedFilename()).toMatch(/^demo-customer-responses-\d{4}-\d{2}-\d{2}\.csv$/);
		const text = await new Response((await download.createReadStream()) as unknown as ReadableStream).text();
		const [header, ...rows] = parse(text, { bom: true }) as string[][];
		expect(header!.slice(0, 6)).toEqual(['_response_id', '_round', '_library', '_channel', '_language', '_submitted_at']);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => /^[0-9a-f-]{36}$/.test(row[0]!) && row[1] !== '')).toBe(true);

		const xlsx = await page.request.get('/studies/demo-customer/export/xlsx?round=no-such-round');
		expect(xlsx.status()).toBe(404);
		const json = await page.request.get('/studies/demo-customer/export/json');
		expect(((await json.json()) as { responses: unknown[] }).responses).toHaveLength(rows.length);
		// The staff survey is confidential: aggregates only, for everyone.
		expect((await page.request.get('/studies/demo-staff/export/csv')).status()).toBe(409);
		await context.close();
	});

	it('is neither offered nor given to a director', async () => {
		const { context, page } = await signedIn(browser, demoUsers.director);
		const response = await page.goto('/studies/demo-customer/responses');
		expect(response?.status()).toBe(200);
		await expect(page.locator('a[href^="/studies/demo-customer/export/"]').count()).resolves.toBe(0);
		expect((await page.request.get('/studies/demo-customer/export/csv')).status()).toBe(403);
		await context.close();
	});
});
