/**
 * CSV as the exports write it: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a byte-order mark
 * so that Excel reads ä and ö.
 *
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would run as a formula when the file is opened, so it gets a leading
 * apostrophe, which spreadsheets show as text. A text starting with an apostrophe gets one too, so
 * that `unguardCsvText` can undo the guard exactly and an export imports back unchanged. Numbers
 * are written as numbers (a negative gap stays `-0.4`): they are ours, not typed by anyone.
 */
export const csvBom = '\ufeff';

const formulaStart = /^[=+\-@\t\r']/;

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		return Object.is(value, -0) ? '0' : String(value);
	}
	const text = formulaStart.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its line break. */
export function csvLine(values: readonly CsvValue[]): string {
	return values.map(csvField).join(',') + '\r\n';
}

/** The inverse of the guard: a text read back from an export loses the apostrophe `csvField` added. */
export function unguardCsvText(text: string): string {
	return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
