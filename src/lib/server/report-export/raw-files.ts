import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawExportFormat, ResponseExport } from '#lib/server/services/reports/export-responses.ts';
import { csvBom, csvLine } from './csv.ts';
import type { RawCell } from './raw-columns.ts';

/**
 * The raw response export as a file, streamed: rows are written as the service reads them a page
 * at a time, so a study of any size leaves the server in constant memory (ADR 0020).
 *
 * - CSV: the header of column names, then a record per response (formula guard in csv.ts); the
 *   one format `aspa import responses` reads back.
 * - XLSX: one sheet, numbers as numbers, texts as text cells (a text cell never runs as a formula).
 * - JSON: `{ formatVersion, study, round, columns, responses: [ { column: value } ] }`.
 */
export const rawContentTypes: Record<RawExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	json: 'application/json; charset=utf-8'
};

export function rawExportStream(data: ResponseExport, format: RawExportFormat): Readable {
	if (format === 'xlsx') return xlsxStream(data);
	return Readable.from(format === 'csv' ? csvChunks(data) : jsonChunks(data));
}

async function* csvChunks(data: ResponseExport): AsyncGenerator<string> {
	yield csvBom + csvLine(data.columns.map((column) => column.name));
	let batch = '';
	for await (const row of data.rows) {
		batch += csvLine(row);
		if (batch.length > 64_000) {
			yield batch;
			batch = '';
		}
	}
	if (batch) yield batch;
}

async function* jsonChunks(data: ResponseExport): AsyncGenerator<string> {
	const head = { formatVersion: 1, study: data.study.key, round: data.round?.key ?? null, columns: data.columns };
	yield `${JSON.stringify(head).slice(0, -1)},"responses":[`;
	let first = true;
	for await (const row of data.rows) {
		const record: Record<string, RawCell> = {};
		data.columns.forEach((column, index) => (record[column.name] = row[index] ?? null));
		yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
		first = false;
	}
	yield '\n]}\n';
}

function xlsxStream(data: ResponseExport): Readable {
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
	workbook.creator = 'Aspa';
	const sheet = workbook.addWorksheet('responses', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = data.columns.map((column) => ({ header: column.name, key: column.name, width: Math.min(Math.max(column.name.length + 2, 10), 40) }));
	sheet.getRow(1).font = { bold: true };
	void (async () => {
		try {
			for await (const row of data.rows) sheet.addRow(row).commit();
			sheet.commit();
			await workbook.commit();
		} catch (error) {
			out.destroy(error as Error);
		}
	})();
	return out;
}
