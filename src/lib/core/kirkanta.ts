import { z } from 'zod';
import type { LibraryKind } from './org-types.ts';
import { ISIL_PATTERN, normaliseIsil, slugify, uniqueKey } from './organisations.ts';

/**
 * Reads a library export in the shape of the national library directory (Kirkanta, API v4) and
 * turns it into an import plan: the municipalities, consortia, libraries and mobile stops it
 * names, with proposed keys. Pure: the service matches the plan against the database.
 *
 * Accepted input (see `reference/kirkanta.md`):
 * - the `/library?refs=city,consortium&with=departments` envelope `{ total, type, result[], references }`,
 *   where a library's `city` and `consortium` are ids into `references.city` / `references.consortium`;
 * - a single-record envelope (`/library/<id>`), whose `result` is one record;
 * - a bare array of library records, whose `city` / `consortium` are then embedded objects.
 *
 * Translatable fields are objects by language (`{ fi, sv, en }`); a plain string is taken as
 * Finnish. `main_library` may also be spelled `mainLibrary` (v4 camel-cases its properties).
 *
 * A file with any problem is rejected as a whole: every problem is reported with the record's
 * position, id and name and the field, so that nothing is half-imported.
 */

export const kirkantaLibraryTypes = [
	'municipal',
	'mobile',
	'children',
	'home_service',
	'institutional',
	'music',
	'special',
	'polytechnic',
	'school',
	'university',
	'vocational_college',
	'other'
] as const;

export type ImportProblem =
	| 'invalid_json'
	| 'not_library_list'
	| 'required'
	| 'invalid_type'
	| 'invalid_value'
	| 'isil_format'
	| 'unknown_reference'
	| 'duplicate_id'
	| 'duplicate_isil';

export interface ImportIssue {
	/** Position in `result` (0-based); null for problems of the file as a whole or of `references`. */
	index: number | null;
	recordId: number | null;
	recordName: string | null;
	/** Dotted path inside the record (`departments.2.name`), or inside the file for file problems. */
	field: string;
	problem: ImportProblem;
	/**
	 * A value for the message, in the file's own terms (no prose, so every language can wrap it):
	 * the expected type, the allowed values, the other record's number (duplicates), the missing
	 * reference, the JSON parser's message.
	 */
	detail?: string;
}

export interface PlannedUnit {
	kirkantaId: number;
	/** Proposed key (from the Finnish slug or name); the service keeps existing keys. */
	key: string;
	nameFi: string;
	nameSv: string | null;
}

export interface PlannedLibrary extends PlannedUnit {
	kind: LibraryKind;
	isil: string | null;
	municipalityKirkantaId: number | null;
	consortiumKirkantaId: number | null;
	/** Mobile stops; null when the file has no departments for the record (nothing to compare). */
	stops: PlannedUnit[] | null;
}

export interface ImportPlan {
	municipalities: PlannedUnit[];
	consortia: PlannedUnit[];
	libraries: PlannedLibrary[];
}

export type KirkantaParseResult = { ok: true; plan: ImportPlan } | { ok: false; issues: ImportIssue[] };

const positiveId = z.number().int().positive();
const translations = z.record(z.string(), z.string().nullable());
const translatable = z.union([z.string(), translations]);

/** The base name: Finnish, or Swedish for a Swedish-only record; must not be blank. */
const named = translatable.refine((value) => baseName(value) !== null, { error: 'name_missing' });

const embeddedUnit = z.looseObject({ id: positiveId, name: named, slug: translatable.nullish() });
const unitRef = z.union([positiveId, embeddedUnit]).nullish();

const department = z.looseObject({
	id: positiveId,
	name: named,
	type: z.string(),
	slug: translatable.nullish()
});

const libraryRecord = z.looseObject({
	id: positiveId,
	name: named,
	slug: translatable.nullish(),
	type: z.enum(kirkantaLibraryTypes),
	main_library: z.boolean().nullish(),
	mainLibrary: z.boolean().nullish(),
	isil: z
		.string()
		.nullish()
		.refine((value) => !value?.trim() || ISIL_PATTERN.test(normaliseIsil(value)), { error: 'isil_format' }),
	city: unitRef,
	consortium: unitRef,
	departments: z.array(department).nullish()
});
type LibraryRecord = z.output<typeof libraryRecord>;
type EmbeddedUnit = z.output<typeof embeddedUnit>;

const referenceTable = z.record(z.string(), embeddedUnit);
const references = z.looseObject({ city: referenceTable.optional(), consortium: referenceTable.optional() });

function baseName(value: string | Record<string, string | null>): string | null {
	if (typeof value === 'string') return value.trim() || null;
	return value.fi?.trim() || value.sv?.trim() || null;
}

/** The Swedish name as the directory gives it (often the same as the Finnish one: Kotka, Hollola). */
function swedishName(value: string | Record<string, string | null>): string | null {
	if (typeof value === 'string') return null;
	return value.sv?.trim() || null;
}

function finnishSlug(value: string | Record<string, string | null> | null | undefined): string {
	if (!value) return '';
	return slugify(typeof value === 'string' ? value : (value.fi ?? ''));
}

/** The value at a path inside raw input, to tell a missing field from a wrong one. */
function valueAt(raw: unknown, parts: readonly PropertyKey[]): unknown {
	let value = raw;
	for (const part of parts) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

function toProblem(issue: z.core.$ZodIssue, raw: unknown): { problem: ImportProblem; detail?: string } {
	if (issue.message === 'isil_format') return { problem: 'isil_format' };
	if (issue.message === 'name_missing') return { problem: 'required', detail: 'fi, sv' };
	if (valueAt(raw, issue.path) === undefined) return { problem: 'required' };
	if (issue.code === 'invalid_type') return { problem: 'invalid_type', detail: issue.expected };
	if (issue.code === 'invalid_value') return { problem: 'invalid_value', detail: issue.values.map(String).join(', ') };
	if (issue.code === 'invalid_union') return { problem: 'invalid_type' };
	return { problem: 'invalid_value' };
}

function path(parts: readonly PropertyKey[]): string {
	return parts.map(String).join('.');
}

/** Id and name of a record for messages, read defensively from whatever was there. */
function describe(record: unknown): { recordId: number | null; recordName: string | null } {
	if (!record || typeof record !== 'object') return { recordId: null, recordName: null };
	const { id, name } = record as { id?: unknown; name?: unknown };
	const recordName =
		typeof name === 'string' ? name : name && typeof name === 'object' ? baseName(name as Record<string, string | null>) : null;
	return { recordId: typeof id === 'number' ? id : null, recordName };
}

/** Splits the input into library records and references, or says why it is not a library list. */
function envelope(input: unknown): { records: unknown[]; references: unknown } | ImportIssue {
	const fileIssue = (field: string, detail: string): ImportIssue => ({
		index: null,
		recordId: null,
		recordName: null,
		field,
		problem: 'not_library_list',
		detail
	});
	if (Array.isArray(input)) return { records: input, references: undefined };
	if (!input || typeof input !== 'object') return fileIssue('', '{ "result": [ … ] }');
	const { result, type, references: refs } = input as { result?: unknown; type?: unknown; references?: unknown };
	if (type !== undefined && type !== 'library') return fileIssue('type', String(type));
	if (Array.isArray(result)) return { records: result, references: refs };
	if (result && typeof result === 'object') return { records: [result], references: refs };
	return fileIssue('result', '{ "result": [ … ] }');
}

/** Parses JSON text (a file) and plans the import. */
export function parseKirkantaText(text: string): KirkantaParseResult {
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return { ok: false, issues: [{ index: null, recordId: null, recordName: null, field: '', problem: 'invalid_json', detail }] };
	}
	return parseKirkanta(input);
}

export function parseKirkanta(input: unknown): KirkantaParseResult {
	const split = envelope(input);
	if ('problem' in split) return { ok: false, issues: [split] };

	const issues: ImportIssue[] = [];
	const refs = references.optional().safeParse(split.references ?? undefined);
	if (!refs.success) {
		for (const issue of refs.error.issues) {
			issues.push({ index: null, recordId: null, recordName: null, field: path(['references', ...issue.path]), ...toProblem(issue, split.references) });
		}
	}

	const records: LibraryRecord[] = [];
	split.records.forEach((raw, index) => {
		const parsed = libraryRecord.safeParse(raw);
		if (parsed.success) records.push(parsed.data);
		else for (const issue of parsed.error.issues) issues.push({ index, ...describe(raw), field: path(issue.path), ...toProblem(issue, raw) });
	});
	if (issues.length) return { ok: false, issues };

	const cities = new Map<number, EmbeddedUnit>();
	const consortia = new Map<number, EmbeddedUnit>();
	for (const city of Object.values(refs.success ? (refs.data?.city ?? {}) : {})) cities.set(city.id, city);
	for (const consortium of Object.values(refs.success ? (refs.data?.consortium ?? {}) : {})) consortia.set(consortium.id, consortium);

	const seenIds = new Map<number, number>();
	const seenIsil = new Map<string, number>();
	const libraries: PlannedLibrary[] = [];
	records.forEach((record, index) => {
		const who = { index, recordId: record.id, recordName: baseName(record.name) };
		const previous = seenIds.get(record.id);
		if (previous !== undefined) {
			issues.push({ ...who, field: 'id', problem: 'duplicate_id', detail: String(previous + 1) });
		}
		seenIds.set(record.id, index);

		const isil = record.isil?.trim() ? normaliseIsil(record.isil) : null;
		if (isil) {
			const other = seenIsil.get(isil);
			if (other !== undefined) issues.push({ ...who, field: 'isil', problem: 'duplicate_isil', detail: String(other + 1) });
			seenIsil.set(isil, index);
		}

		const resolve = (field: 'city' | 'consortium', table: Map<number, EmbeddedUnit>): number | null => {
			const ref = record[field];
			if (ref === null || ref === undefined) return null;
			if (typeof ref === 'object') {
				table.set(ref.id, ref);
				return ref.id;
			}
			if (!table.has(ref)) {
				issues.push({ ...who, field, problem: 'unknown_reference', detail: `references.${field}.${ref}` });
				return null;
			}
			return ref;
		};
		const municipalityKirkantaId = resolve('city', cities);
		const consortiumKirkantaId = resolve('consortium', consortia);

		const isMain = record.main_library === true || record.mainLibrary === true;
		const kind: LibraryKind =
			record.type === 'municipal' ? (isMain ? 'main' : 'branch') : record.type === 'mobile' ? 'mobile' : 'other';

		let stops: PlannedUnit[] | null = null;
		if (record.departments) {
			const stopKeys = new Set<string>();
			stops = record.departments
				.filter((d) => d.type === 'mobile_stop')
				.map((d) => {
					const key = uniqueKey(finnishSlug(d.slug) || slugify(baseName(d.name)!), (k) => stopKeys.has(k));
					stopKeys.add(key);
					return { kirkantaId: d.id, key, nameFi: baseName(d.name)!, nameSv: swedishName(d.name) };
				});
		}

		libraries.push({
			kirkantaId: record.id,
			key: finnishSlug(record.slug) || slugify(baseName(record.name)!),
			kind,
			nameFi: baseName(record.name)!,
			nameSv: swedishName(record.name),
			isil,
			municipalityKirkantaId,
			consortiumKirkantaId,
			stops
		});
	});
	if (issues.length) return { ok: false, issues };

	const unit = (u: EmbeddedUnit): PlannedUnit => ({
		kirkantaId: u.id,
		key: finnishSlug(u.slug) || slugify(baseName(u.name)!),
		nameFi: baseName(u.name)!,
		nameSv: swedishName(u.name)
	});
	const used = <T>(table: Map<number, T>, ids: (number | null)[]) => [...new Set(ids)].flatMap((id) => (id === null ? [] : [table.get(id)!]));
	return {
		ok: true,
		plan: {
			municipalities: used(cities, libraries.map((l) => l.municipalityKirkantaId)).map(unit),
			consortia: used(consortia, libraries.map((l) => l.consortiumKirkantaId)).map(unit),
			libraries
		}
	};
}

/** One problem as an English line for logs and the CLI: names the record and the field. */
export function formatImportIssue(issue: ImportIssue): string {
	const where =
		issue.index === null
			? issue.field
				? `Field "${issue.field}"`
				: 'The file'
			: `Record ${issue.index + 1} (result[${issue.index}]` +
				(issue.recordId !== null ? `, id ${issue.recordId}` : '') +
				(issue.recordName ? `, "${issue.recordName}"` : '') +
				`), field "${issue.field}"`;
	const d = issue.detail ?? '';
	const what: Record<ImportProblem, string> = {
		invalid_json: `is not valid JSON (${d})`,
		not_library_list: issue.field === 'type' ? `is "${d}", not "library"` : `is not a library list: expected ${d}`,
		required: d ? `is missing (expected one of: ${d})` : 'is missing',
		invalid_type: `has the wrong type (expected ${d})`,
		invalid_value: d ? `has a value that is not allowed (allowed: ${d})` : 'has a value that is not allowed',
		isil_format: 'is not an ISIL code (e.g. FI-Tre)',
		unknown_reference: `refers to ${d}, which the file does not contain (export with refs=city,consortium)`,
		duplicate_id: `repeats the id of record ${d}`,
		duplicate_isil: `repeats the ISIL code of record ${d}`
	};
	return `${where} ${what[issue.problem]}`;
}
