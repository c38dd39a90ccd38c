import { currentSchemaVersion } from './instrument.ts';
import { issue, type InstrumentIssue } from './instrument-issues.ts';

/**
 * Pure upgraders from each older `schemaVersion` to the next, so a definition stored years ago is
 * read with today's code. An upgrader never renames item ids, row ids or option codes: rounds
 * compare on them.
 *
 * Version 0 is the pre-release draft: one language (`language`), every text a plain string,
 * `pages` of `questions` with `type` instead of `kind`, options as `{ value, label }` and scale
 * labels as `labels`.
 */
type Json = Record<string, unknown>;
type Upgrader = (definition: Json) => Json;

const upgraders: Record<number, Upgrader> = { 0: upgradeFrom0 };

export type UpgradeResult = { ok: true; definition: Json; from: number } | { ok: false; issues: InstrumentIssue[] };

export function upgradeInstrument(json: unknown): UpgradeResult {
	if (!isObject(json)) return fail('not_an_object', '', 'The definition is not a JSON object.');
	const version = json.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0 || version > currentSchemaVersion) {
		return fail(
			'unknown_schema_version',
			'schemaVersion',
			`schemaVersion ${JSON.stringify(version)} is not one this version of Aspa reads (0–${currentSchemaVersion}).`
		);
	}
	let definition: Json = json;
	for (let from = version; from < currentSchemaVersion; from++) {
		const upgrade = upgraders[from];
		if (!upgrade) return fail('unknown_schema_version', 'schemaVersion', `No upgrader from schemaVersion ${from}.`);
		definition = { ...upgrade(definition), schemaVersion: from + 1 };
	}
	return { ok: true, definition, from: version };
}

function fail(code: 'not_an_object' | 'unknown_schema_version', path: string, message: string): UpgradeResult {
	return { ok: false, issues: [issue(code, path, message)] };
}

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys whose string values were plain text in version 0 and are LocalizedText in version 1. */
const textKeys = new Set([
	'title',
	'intro',
	'description',
	'text',
	'help',
	'label',
	'lowLabel',
	'highLabel',
	'naLabel',
	'unit',
	'importanceLabel',
	'performanceLabel'
]);
const textListKeys = new Set(['pointLabels', 'labels', 'list']);

function upgradeFrom0(draft: Json): Json {
	const language = draft.language === 'sv' ? 'sv' : 'fi';
	const { language: _language, pages, ...rest } = draft;
	const sections = Array.isArray(pages)
		? pages.map((page) => {
				if (!isObject(page)) return page;
				const { questions, ...pageRest } = page;
				return { ...pageRest, items: Array.isArray(questions) ? questions.map(renameDraftItem) : questions };
			})
		: pages;
	return localizeTexts({ ...rest, baseLanguage: language, languages: [language], sections }, language) as Json;
}

function renameDraftItem(question: unknown): unknown {
	if (!isObject(question)) return question;
	const { type, ...item } = question;
	const renamed: Json = { ...item, kind: type };
	if (Array.isArray(item.options)) {
		renamed.options = item.options.map((option) => {
			if (!isObject(option)) return option;
			const { value, ...optionRest } = option;
			return { ...optionRest, code: value };
		});
	}
	for (const key of ['scale', 'importance', 'performance']) {
		const scale = item[key];
		if (isObject(scale) && 'labels' in scale) {
			const { labels, ...scaleRest } = scale;
			renamed[key] = { ...scaleRest, pointLabels: labels };
		}
	}
	return renamed;
}

/** Turns plain strings at text keys into `{ [language]: string }`, leaving show-if alone. */
function localizeTexts(value: unknown, language: 'fi' | 'sv'): unknown {
	if (Array.isArray(value)) return value.map((entry) => localizeTexts(entry, language));
	if (!isObject(value)) return value;
	const out: Json = {};
	for (const [key, entry] of Object.entries(value)) {
		if (key === 'showIf') out[key] = entry;
		else if (textKeys.has(key) && typeof entry === 'string') out[key] = { [language]: entry };
		else if (textListKeys.has(key) && Array.isArray(entry))
			out[key] = entry.map((text) => (typeof text === 'string' ? { [language]: text } : text));
		else out[key] = localizeTexts(entry, language);
	}
	return out;
}
