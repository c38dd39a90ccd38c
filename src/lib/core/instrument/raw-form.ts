/**
 * Reading raw form data: a record of field name → value, or values when a name repeats
 * (checkboxes), exactly as an HTML form posts it.
 */
export type RawFormData = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A `FormData` (from `request.formData()`) as RawFormData; repeated names become arrays, files are skipped. */
export function formDataToRecord(formData: FormData): Record<string, string | string[]> {
	const record: Record<string, string | string[]> = {};
	for (const [name, value] of formData.entries()) {
		if (typeof value !== 'string') continue;
		const existing = record[name];
		if (existing === undefined) record[name] = value;
		else record[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return record;
}

/** The non-blank values posted under `name`, trimmed, duplicates removed, in posted order. */
export function readValues(raw: RawFormData, name: string): string[] {
	const value = Object.hasOwn(raw, name) ? raw[name] : undefined;
	const list: readonly unknown[] = value === undefined ? [] : typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
	const values: string[] = [];
	for (const entry of list) {
		if (typeof entry !== 'string') continue;
		const trimmed = normaliseText(entry);
		if (trimmed !== '' && !values.includes(trimmed)) values.push(trimmed);
	}
	return values;
}

/**
 * Text as stored: line breaks as `\n` (browsers post `\r\n`, but count a break as one character
 * against `maxlength`) and no surrounding white space.
 */
export function normaliseText(text: string): string {
	return text.replace(/\r\n?/g, '\n').trim();
}

/** Length in characters (code points), so an emoji counts once, as people count. */
export function textLength(text: string): number {
	let length = 0;
	for (const _char of text) length++;
	return length;
}

/**
 * A number as people type it in Finnish, Swedish or English: `3,5` or `3.5`, spaces as thousands
 * separators (`1 000`), `−` as a minus sign. No exponents, no thousands commas.
 */
export function parseDecimal(text: string): number | undefined {
	const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
	if (!/^[+-]?\d+([.,]\d+)?$/.test(compact)) return undefined;
	const value = Number(compact.replace(',', '.'));
	return Number.isFinite(value) ? value : undefined;
}

/** A whole number in a scale field: digits with an optional minus sign only. */
export function parseWhole(text: string): number | undefined {
	return /^-?\d{1,6}$/.test(text) ? Number(text) : undefined;
}

/** An ISO calendar date (YYYY-MM-DD) that exists: 2025-02-29 does not. */
export function isIsoDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
