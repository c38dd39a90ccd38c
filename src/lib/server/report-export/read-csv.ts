import { CsvError, parse } from 'csv-parse/sync';
import { unguardCsvText } from './csv.ts';

export interface CsvRecord {
	/** The line of the file the record starts on (the header is line 1). */
	line: number;
	cells: string[];
}

export type CsvReadResult = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * A CSV file as an import reads it: RFC 4180 with a comma, or with a semicolon when the header
 * line has semicolons and no commas (a spreadsheet saved in Finnish or Swedish settings); a
 * byte-order mark and any line breaks (CRLF, LF, CR) accepted; blank lines skipped; the formula
 * guard of our own exports undone (`unguardCsvText`). Each record keeps the line it starts on, so
 * problems can be named by line even when a quoted text spans several lines.
 */
export function readCsv(text: string): CsvReadResult {
	const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
	const firstLine = normalised.slice(0, normalised.indexOf('\n') === -1 ? undefined : normalised.indexOf('\n'));
	const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		parsed = parse(normalised, { delimiter, record_delimiter: '\n', info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof parsed;
	} catch (error) {
		if (error instanceof CsvError) return { ok: false, line: (error as CsvError & { lines?: number }).lines ?? 1, message: error.message };
		throw error;
	}
	const records: CsvRecord[] = [];
	let previousEnd = 0;
	for (const { record, info } of parsed) {
		const line = previousEnd + 1;
		previousEnd = info.lines;
		if (record.length === 1 && record[0]!.trim() === '') continue;
		records.push({ line, cells: record.map(unguardCsvText) });
	}
	const [header, ...rows] = records;
	if (!header) return { ok: false, line: 1, message: 'The file is empty: the first line must name the columns.' };
	return { ok: true, header: header.cells.map((name) => name.trim()), records: rows };
}
