/**
 * CSV for spreadsheets and mail merge (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads
 * ä and ö). A cell starting with = + - @ (or a tab or carriage return) would run as a formula in
 * a spreadsheet (CSV injection, OWASP), so it gets a leading apostrophe.
 */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
	return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
