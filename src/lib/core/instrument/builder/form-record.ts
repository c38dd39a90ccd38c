import { instrumentLanguages, type LocalizedText } from '../localized-text.ts';
import { normaliseText } from '../raw-form.ts';

/**
 * The builder's forms as flat records: field names are the JSON paths of what they edit
 * (`text.fi`, `options[1].label.sv`, `scale.min`), so a validation issue's path leads straight to
 * its field. Repeated names (checkbox groups) are arrays.
 */
export type FormRecord = Record<string, string | string[]>;

export function one(record: FormRecord, name: string): string {
	const value = Object.hasOwn(record, name) ? record[name] : undefined;
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? normaliseText(first) : '';
}

export function many(record: FormRecord, name: string): string[] {
	const value = Object.hasOwn(record, name) ? record[name] : undefined;
	const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
	return [...new Set(list.map(normaliseText).filter((entry) => entry !== ''))];
}

export function checked(record: FormRecord, name: string): boolean {
	return one(record, name) !== '';
}

/** The wording under `prefix.fi`, `prefix.sv`, `prefix.en`; undefined when every language is blank. */
export function readText(record: FormRecord, prefix: string): LocalizedText | undefined {
	const text: LocalizedText = {};
	for (const language of instrumentLanguages) {
		const value = one(record, `${prefix}.${language}`);
		if (value !== '') text[language] = value;
	}
	return Object.keys(text).length > 0 ? text : undefined;
}

export function writeText(record: FormRecord, prefix: string, text: LocalizedText | undefined): void {
	for (const language of instrumentLanguages) {
		const value = text?.[language];
		if (value !== undefined) record[`${prefix}.${language}`] = value;
	}
}

/** The indexes used under `prefix[i]…` in the record, in order. */
export function indexesOf(record: FormRecord, prefix: string): number[] {
	const found = new Set<number>();
	const start = `${prefix}[`;
	for (const name of Object.keys(record)) {
		if (!name.startsWith(start)) continue;
		const index = Number.parseInt(name.slice(start.length), 10);
		if (Number.isInteger(index) && index >= 0 && index < 1000) found.add(index);
	}
	return [...found].sort((a, b) => a - b);
}

/** A row of a list (a new option, row or bullet left empty) is blank when none of its fields has a value. */
export function rowIsBlank(record: FormRecord, prefix: string): boolean {
	return Object.keys(record).every((name) => !name.startsWith(`${prefix}.`) || one(record, name) === '');
}

/** An HTML id for a field name (ids with brackets and dots are valid, but awkward in CSS). */
export function fieldId(name: string): string {
	return `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
