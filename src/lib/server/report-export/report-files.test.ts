import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportFixture } from '#lib/core/report/fixtures.ts';
import type { ReportModel } from '#lib/core/report/model.ts';
import { exportLabels } from './labels.ts';
import { renderReport, reportFilename } from './report-files.ts';
import { pdfAvailable } from './report-pdf.ts';

const chromiumPath = process.env.ASPA_CHROMIUM ?? '/usr/bin/chromium';

async function workbookOf(model: ReportModel): Promise<ExcelJS.Workbook> {
	const bytes = await renderReport(model, 'xlsx', { chromiumPath });
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	return workbook;
}

/** The cells of the sheet row whose first cell is `label`, after `after` (a table title). */
function rowAfter(sheet: ExcelJS.Worksheet, after: string, label: string): ExcelJS.Row {
	let seen = false;
	for (let index = 1; index <= sheet.rowCount; index++) {
		const row = sheet.getRow(index);
		const first = row.getCell(1).value;
		if (first === after) seen = true;
		else if (seen && first === label) return row;
	}
	throw new Error(`no row ${label} after ${after} in ${sheet.name}`);
}

describe('report exports', () => {
	it('writes XLSX with an overview sheet, then one unique sheet of at most 31 characters per question', async () => {
		const model = reportFixture();
		const workbook = await workbookOf(model);
		const names = workbook.worksheets.map((sheet) => sheet.name);
		expect(names[0]).toBe('Yleiskuva');
		expect(names.at(-1)).toBe('Avoimet vastaukset');
		expect(names).toHaveLength(model.questions.length + 2);
		expect(names.every((name) => name.length <= 31)).toBe(true);
		expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
		expect(names[1]).toBe('1 Mitä kirjaston palveluja ja a');
	});

	it('keeps figures as numbers with number formats and hidden figures as a mark with no number', async () => {
		const model = reportFixture();
		const workbook = await workbookOf(model);
		const friendliness = workbook.worksheets.find((sheet) => sheet.name.startsWith('2 '))!;
		// Top-2-box of Metso: 92.5 % with 95 % interval 88.2–95.3 and n = 212 (fixtures.ts).
		const top2 = rowAfter(friendliness, 'Samaa mieltä (4–5)', 'Henkilökunta on ystävällistä.');
		expect([2, 3, 4, 5].map((column) => top2.getCell(column).value)).toEqual([0.925, 212, 0.882, 0.953]);
		expect(top2.getCell(2).numFmt).toBe('0%');
		const mean = rowAfter(friendliness, 'Keskiarvo (1–5)', 'Henkilökunta on ystävällistä.');
		expect(mean.getCell(2).value).toBe(4.55);
		expect(mean.getCell(2).numFmt).toBe('0.0');

		const proactivity = workbook.worksheets.find((sheet) => sheet.name.startsWith('7 '))!;
		const byAge = rowAfter(proactivity, 'Samaa mieltä (4–5) ikäryhmittäin', 'Tampereen pääkirjasto Metso');
		// Columns: 15–29 (shown), 30–44 (small), 45+ (shown), 65+ (complementary); four cells each.
		expect(byAge.getCell(2).value).toBe(0.364);
		expect([6, 7, 8, 9].map((column) => byAge.getCell(column).value ?? null)).toEqual(['..', null, null, null]);
		expect([14, 15, 16, 17].map((column) => byAge.getCell(column).value ?? null)).toEqual(['..', null, null, null]);
		expect(String(byAge.getCell(18).value)).toContain('kahden osuuden z-testi');

		const overview = workbook.worksheets[0]!;
		const languages = rowAfter(overview, 'Vastaajat kielittäin (kierros 2026)', 'ruotsi');
		expect([2, 3, 4].map((column) => languages.getCell(column).value)).toEqual(['..', 9, 31]);
	});

	it('writes one long CSV with a record per table cell, hidden cells without numbers', async () => {
		const model = reportFixture();
		const text = (await renderReport(model, 'csv', { chromiumPath })) as string;
		expect(text.startsWith('\ufeff')).toBe(true);
		const [header, ...records] = parse(text, { bom: true }) as string[][];
		expect(header).toEqual(['Kysymys', 'Taulukko', 'Rivi', 'Sarake', 'Mittari', 'Arvo', 'n', 'Alaraja (95 %)', 'Yläraja (95 %)', 'Ei näytetä', 'table_id', 'row_key', 'column_key', 'measure_code']);
		const tables = [...model.overview.tables, ...model.overview.headlines, ...model.questions.flatMap((question) => question.tables)];
		expect(records).toHaveLength(tables.reduce((sum, table) => sum + table.rows.length * table.columns.length, 0));
		const hidden = records.filter((record) => record[9] !== '');
		expect(hidden.length).toBe(tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).filter((cell) => 'suppressed' in cell).length);
		expect(hidden.every((record) => record.slice(5, 9).every((cell) => cell === ''))).toBe(true);
		const metsoTop2 = records.find((record) => record[10] === 'friendliness.top2' && record[12] === 'unit:library:tampere-metso');
		expect(metsoTop2?.slice(5, 9)).toEqual(['92.5', '212', '88.2', '95.3']);
		expect(records.find((record) => record[10] === 'friendliness.distribution' && record[11] === 'na')?.[2]).toBe('En osaa sanoa');
	});

	it('guards CSV cells that a spreadsheet would run as formulas', async () => {
		const model = reportFixture();
		const table = model.questions[0]!.tables[0]!;
		const attacks = ['=cmd|\' /C calc\'!A0', '+SUM(1)', '-2+3', '@SUM(1)', '\tTAB'];
		table.rows = attacks.map((label, index) => ({ key: `attack${index}`, label, cells: table.rows[0]!.cells }));
		table.title = '=HYPERLINK("http://evil")';
		const text = (await renderReport(model, 'csv', { chromiumPath })) as string;
		const records = parse(text, { bom: true, relax_quotes: true }) as string[][];
		const labels = records.filter((record) => record[11]?.startsWith('attack')).map((record) => record[2]);
		expect(new Set(labels)).toEqual(new Set(attacks.map((attack) => `'${attack}`)));
		expect(records.slice(1).every((record) => !/^[=+\-@\t]/.test(record.join('')))).toBe(true);
		expect(records.find((record) => record[11] === 'attack0')?.[1]).toBe(`'=HYPERLINK("http://evil")`);
	});

	it('writes a standalone HTML page in the report’s language with captioned data tables and charts', async () => {
		const model = { ...reportFixture(), locale: 'sv' as const };
		const html = (await renderReport(model, 'html', { chromiumPath })) as string;
		expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
		expect(html).not.toMatch(/<script|<link|src="http/i);
		const tables = html.match(/<table>/g)?.length ?? 0;
		expect(tables).toBeGreaterThanOrEqual(model.questions.flatMap((question) => question.tables).length);
		expect(html.match(/<caption/g)?.length).toBe(tables);
		expect(html).toContain('<th scope="row">');
		expect(html.match(/<svg[^>]*role="img"/g)?.length).toBe(model.questions.flatMap((question) => question.charts).length);
		expect(html).toContain('<span class="sr-only">visas inte (liten grupp)</span>');
		expect(html).toContain('Översikt');
	});

	it('names files by study, scope and round', () => {
		expect(reportFilename(reportFixture(), 'xlsx')).toBe('demo-customer-library-tampere-metso-2026.xlsx');
	});

	it('words empty labels from their keys and has every word in fi, sv and en', () => {
		const words = (['fi', 'sv', 'en'] as const).map((locale) => exportLabels(locale));
		expect(words.map((labels) => labels.label('', 'na'))).toEqual(['En osaa sanoa / ei koske minua', 'Kan inte säga / gäller inte mig', "Can't say / does not apply"]);
		expect(words.map((labels) => labels.label('', 'level:perceived'))).toEqual(['Koettu taso', 'Upplevd nivå', 'Perceived level']);
		expect(words.map((labels) => labels.measure('top2'))).toEqual(['Kaksi parasta (%)', 'Två bästa (%)', 'Top-2-box (%)']);
		expect(words[2]!.mark('small')).toBe(words[2]!.mark('complementary'));
	});

	it.runIf(pdfAvailable(chromiumPath))('prints a tagged PDF with Chromium', async () => {
		const bytes = (await renderReport(reportFixture(), 'pdf', { chromiumPath })) as Uint8Array;
		const text = Buffer.from(bytes).toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text).toContain('/StructTreeRoot');
		expect(text).toContain('/Outlines');
		// Charts stay vector art: no pattern fill was rasterised into an image (print-charts.ts).
		expect(text).not.toContain('/Subtype /Image');
	});

	it('says clearly that PDF needs Chromium when there is none', async () => {
		await expect(renderReport(reportFixture(), 'pdf', { chromiumPath: '/nonexistent/chromium' })).rejects.toMatchObject({ code: 'report_pdf_unavailable' });
	});
});
