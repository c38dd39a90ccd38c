import ExcelJS from 'exceljs';
import { decimalsOf, isPercentMeasure } from '#lib/core/report/format.ts';
import { isShown, type Callout, type Measure, type QuestionSection, type ReportModel, type ReportTable, type TopEntry } from '#lib/core/report/model.ts';
import { reportFacts, reportTitle, suppressionText, tableNotes, testText } from './describe.ts';
import type { ExportLabels } from './labels.ts';
import { sheetNamer } from './sheet-names.ts';

/**
 * The report as a workbook (exceljs): an overview sheet (what the report is, the respondent and
 * headline tables, TOP lists, round changes and segment gaps, a linked list of the question
 * sheets), one sheet per question with all its tables, and the open-text themes.
 *
 * Figures are numbers with number formats, so they can be computed with: percentages as fractions
 * formatted `0%` (a share of 62.3 in the model is 0.623), means with one decimal, differences
 * signed. A figure that is not shown is the text mark `..` (or `–` when nobody answered), with no
 * number anywhere in its row: the model carries none (ADR 0020).
 */
const bold: Partial<ExcelJS.Font> = { bold: true };

export async function reportXlsx(model: ReportModel, labels: ExportLabels): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Aspa';
	workbook.title = reportTitle(model);
	workbook.created = new Date(model.generatedAt);
	const name = sheetNamer();
	const overview = workbook.addWorksheet(name(labels.text.overview()));
	const questionSheets = model.questions.map((question) => ({ question, name: name(`${question.number} ${question.text}`) }));
	const openTextName = model.openText.length ? name(labels.text.open_text()) : undefined;

	writeOverview(overview, model, labels, [...questionSheets.map((entry) => entry.name), ...(openTextName ? [openTextName] : [])]);
	for (const { question, name: sheetName } of questionSheets) writeQuestion(workbook.addWorksheet(sheetName), question, model, labels);
	if (openTextName) writeOpenText(workbook.addWorksheet(openTextName), model, labels);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function numberFormat(measure: Measure): string {
	const decimals = decimalsOf(measure);
	const digits = decimals ? `0.${'0'.repeat(decimals)}` : '0';
	if (isPercentMeasure(measure)) return `${digits}%`;
	if (measure === 'respondents') return '#,##0';
	if (measure === 'nps' || measure === 'gap' || measure === 'adequacy' || measure === 'superiority') return `+${digits};-${digits};${digits}`;
	return digits;
}

/** The model's value as the cell holds it: percentages as fractions. */
function cellValue(measure: Measure, value: number): number {
	return isPercentMeasure(measure) ? value / 100 : value;
}

class SheetWriter {
	row = 1;
	readonly sheet: ExcelJS.Worksheet;
	constructor(sheet: ExcelJS.Worksheet) {
		this.sheet = sheet;
		sheet.getColumn(1).width = 44;
		for (let column = 2; column <= 40; column++) sheet.getColumn(column).width = 13;
	}
	line(values: ExcelJS.CellValue[], style: { font?: Partial<ExcelJS.Font>; wrap?: boolean } = {}): ExcelJS.Row {
		const row = this.sheet.getRow(this.row++);
		values.forEach((value, index) => {
			const cell = row.getCell(index + 1);
			cell.value = value;
			if (style.font) cell.font = style.font;
		});
		if (style.wrap) row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
		return row;
	}
	blank(): void {
		this.row++;
	}
	figure(cell: ExcelJS.Cell, measure: Measure, value: number): void {
		cell.value = cellValue(measure, value);
		cell.numFmt = numberFormat(measure);
	}
	mark(cell: ExcelJS.Cell, text: string): void {
		cell.value = text;
		cell.alignment = { horizontal: 'right' };
	}
}

function writeTable(out: SheetWriter, table: ReportTable, model: ReportModel, labels: ExportLabels): void {
	const figures = table.rows.flatMap((row) => row.cells.filter(isShown));
	const withN = table.measure !== 'respondents';
	const withInterval = figures.some((figure) => figure.interval);
	const withTest = table.rows.some((row) => row.test);
	const parts = ['value', ...(withN ? ['n'] : []), ...(withInterval ? ['low', 'high'] : [])] as const;
	const width = parts.length;
	out.line([table.title], { font: { bold: true, size: 12 } });
	const groups = out.line(['', ...table.columns.flatMap((column) => [labels.label(column.label, column.key), ...Array<string>(width - 1).fill('')])], { font: bold });
	table.columns.forEach((_column, index) => {
		if (width > 1) out.sheet.mergeCells(groups.number, 2 + index * width, groups.number, 1 + (index + 1) * width);
	});
	const subheading: Record<(typeof parts)[number], string> = { value: labels.measure(table.measure), n: labels.text.col_n(), low: labels.text.col_low(), high: labels.text.col_high() };
	out.line(['', ...table.columns.flatMap(() => parts.map((part) => subheading[part])), ...(withTest ? [labels.text.col_test()] : [])], { font: bold });
	for (const row of table.rows) {
		const line = out.line([labels.label(row.label, row.key)], { wrap: true });
		row.cells.forEach((figure, index) => {
			const first = 2 + index * width;
			if (!isShown(figure)) return out.mark(line.getCell(first), labels.mark(figure.suppressed));
			out.figure(line.getCell(first), table.measure, figure.value);
			let next = first + 1;
			if (withN) line.getCell(next++).value = figure.n;
			if (withInterval && figure.interval) {
				out.figure(line.getCell(next), table.measure, figure.interval.low);
				out.figure(line.getCell(next + 1), table.measure, figure.interval.high);
			}
		});
		if (row.test) line.getCell(2 + table.columns.length * width).value = testText(row.test, labels) + (row.test.significant ? ` (${labels.text.significant_mark()})` : '');
	}
	for (const note of tableNotes(table, model, labels)) out.line([note], { font: { italic: true } });
	out.blank();
}

function writeOverview(sheet: ExcelJS.Worksheet, model: ReportModel, labels: ExportLabels, sheetNames: string[]): void {
	const out = new SheetWriter(sheet);
	const t = labels.text;
	out.line([reportTitle(model)], { font: { bold: true, size: 16 } });
	for (const fact of reportFacts(model, labels)) out.line([fact.label, fact.value]).getCell(1).font = bold;
	for (const text of suppressionText(model, labels)) out.line([text], { font: { italic: true } });
	out.blank();
	for (const table of [...model.overview.tables, ...model.overview.headlines]) writeTable(out, table, model, labels);
	writeTop(out, t.strengths(), model.overview.strengths, labels);
	writeTop(out, t.improvements(), model.overview.improvements, labels);
	writeCallouts(out, t.round_changes(), model.overview.roundChanges, labels);
	writeCallouts(out, t.segment_gaps(), model.overview.segmentGaps, labels);
	out.line([t.contents()], { font: { bold: true, size: 12 } });
	for (const name of sheetNames) {
		out.line([{ text: name, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` }]).getCell(1).font = { color: { argb: 'FF0645AD' }, underline: true };
	}
}

function writeTop(out: SheetWriter, title: string, entries: TopEntry[], labels: ExportLabels): void {
	const t = labels.text;
	out.line([title], { font: { bold: true, size: 12 } });
	if (!entries.length) {
		out.line([t.none()]);
		out.blank();
		return;
	}
	out.line([t.col_question(), t.col_measure(), t.col_value(), t.col_n(), t.col_low(), t.col_high(), t.col_comparison(), t.col_reason()], { font: bold });
	for (const entry of entries) {
		const line = out.line([entry.text, labels.measure(entry.measure)], { wrap: true });
		out.figure(line.getCell(3), entry.measure, entry.figure.value);
		line.getCell(4).value = entry.figure.n;
		if (entry.figure.interval) {
			out.figure(line.getCell(5), entry.measure, entry.figure.interval.low);
			out.figure(line.getCell(6), entry.measure, entry.figure.interval.high);
		}
		if (entry.comparison) out.figure(line.getCell(7), entry.measure, entry.comparison.value);
		line.getCell(8).value = labels.reason(entry.reason);
	}
	out.blank();
}

function writeCallouts(out: SheetWriter, title: string, callouts: Callout[], labels: ExportLabels): void {
	const t = labels.text;
	out.line([title], { font: { bold: true, size: 12 } });
	if (!callouts.length) {
		out.line([t.none()]);
		out.blank();
		return;
	}
	out.line([t.col_question(), t.col_measure(), t.col_from(), t.col_value(), t.col_to(), t.col_value(), t.col_difference(), t.col_test(), t.col_p(), t.col_p_adjusted(), t.col_significant()], { font: bold });
	for (const callout of callouts) {
		const line = out.line([callout.text, labels.measure(callout.measure), labels.label(callout.from.group.label, callout.from.group.key)], { wrap: true });
		out.figure(line.getCell(4), callout.measure, callout.from.value);
		line.getCell(5).value = labels.label(callout.to.group.label, callout.to.group.key);
		out.figure(line.getCell(6), callout.measure, callout.to.value);
		line.getCell(7).value = callout.difference;
		line.getCell(7).numFmt = differenceFormat(callout.measure);
		line.getCell(8).value = labels.test(callout.test.test);
		line.getCell(9).value = callout.test.p;
		line.getCell(10).value = callout.test.pAdjusted;
		line.getCell(9).numFmt = line.getCell(10).numFmt = '0.000';
		line.getCell(11).value = callout.test.significant ? t.yes() : t.no();
	}
	out.blank();
}

/** A difference is signed; one of percentages is in percentage points (10.9, not 10.9 %). */
function differenceFormat(measure: Measure): string {
	const decimals = decimalsOf(measure);
	const digits = decimals ? `0.${'0'.repeat(decimals)}` : '0';
	return `+${digits};-${digits};${digits}`;
}

function writeQuestion(sheet: ExcelJS.Worksheet, question: QuestionSection, model: ReportModel, labels: ExportLabels): void {
	const out = new SheetWriter(sheet);
	out.line([`${question.number}. ${question.text}`], { font: { bold: true, size: 14 } });
	out.blank();
	for (const table of question.tables) writeTable(out, table, model, labels);
}

function writeOpenText(sheet: ExcelJS.Worksheet, model: ReportModel, labels: ExportLabels): void {
	const out = new SheetWriter(sheet);
	const t = labels.text;
	out.line([t.open_text()], { font: { bold: true, size: 14 } });
	out.blank();
	for (const section of model.openText) {
		out.line([section.text, t.open_text_answers({ count: section.answers })], { font: { bold: true, size: 12 } });
		if (section.suppressed || !section.themes.length) {
			out.line([section.suppressed === 'empty' ? labels.suppressed('empty') : t.open_text_hidden()]);
		} else {
			out.line([t.theme(), t.theme_count(), t.theme_quotes()], { font: bold });
			for (const theme of section.themes) out.line([theme.label, theme.count, theme.quotes.join('\n')], { wrap: true }).getCell(3).alignment = { wrapText: true, vertical: 'top' };
		}
		out.blank();
	}
}
