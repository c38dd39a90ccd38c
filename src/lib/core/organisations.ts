import { z } from 'zod';
import { libraryKinds, networkKinds, sizeClasses } from './org-types.ts';
import { isIsoDate } from './local-date.ts';

/**
 * Input rules for organisation units (networks, municipalities, libraries, mobile stops), shared by
 * the admin forms, the CLI and the Kirkanta importer. Forms hand in strings; every schema trims
 * them and turns an empty optional field into null, so the services see clean values only.
 *
 * A failed parse names each field with one problem code (`FieldProblem`); the UI picks a localised
 * sentence by that code and the CLI prints it as is.
 */

export const fieldProblems = [
	'required',
	'too_long',
	'key_format',
	'key_reserved',
	'isil_format',
	'invalid_choice',
	'date_format',
	'kirkanta_id_format',
	// Found only against the database, by the services:
	'key_taken',
	'isil_taken',
	'kirkanta_id_taken',
	'unknown_unit'
] as const;
export type FieldProblem = (typeof fieldProblems)[number];

export type FieldErrors = Partial<Record<string, FieldProblem>>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Longest key: fits a URL segment and a CLI argument comfortably. */
export const KEY_MAX = 64;
const NAME_MAX = 200;

/**
 * Keys are URL slugs: lower-case ASCII letters, digits and single hyphens between them
 * (`tampere-metso`). Stricter than the database check, which only guards against garbage.
 */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Words that are route segments next to `[key]` (`/admin/libraries/new`), so never keys. */
export const RESERVED_KEYS: readonly string[] = ['new'];

/**
 * ISIL (ISO 15511): a prefix, a hyphen and up to 11 letters, digits or `- / :`, 16 characters at
 * most; Finnish libraries have the prefix `FI` (`FI-Tre`, `FI-Kouvo`). The prefix is upper-cased
 * because people type `fi-…`.
 */
export const ISIL_PATTERN = /^[A-Z]{2}-[A-Za-z0-9:/-]{1,11}$/;

export function normaliseIsil(text: string): string {
	const trimmed = text.trim();
	return /^[a-z]{2}-/i.test(trimmed) ? trimmed.slice(0, 2).toUpperCase() + trimmed.slice(2) : trimmed;
}

/**
 * A key from a name: Finnish and Swedish letters folded to ASCII (`Hämeenkylä` → `hameenkyla`),
 * everything else that is not a letter or digit becomes one hyphen. May return '' (a name of
 * punctuation only); callers then pick a fallback.
 */
export function slugify(text: string): string {
	const folded = text
		.toLowerCase()
		.replace(/[äå]/g, 'a')
		.replace(/ö/g, 'o')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
	const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	return slug.slice(0, KEY_MAX).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold. */
export function uniqueKey(base: string, taken: (key: string) => boolean): string {
	const root = (base || 'unit').slice(0, KEY_MAX - 4).replace(/-+$/, '');
	if (!taken(root) && !RESERVED_KEYS.includes(root)) return root;
	for (let n = 2; ; n++) {
		const candidate = `${root}-${n}`;
		if (!taken(candidate)) return candidate;
	}
}

// Form values arrive as strings or not at all; both mean "empty".
const asText = (value: unknown) => (value === undefined || value === null ? '' : value);

const requiredText = (max: number) =>
	z.preprocess(asText, z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_long' }));

const optionalText = (max: number) =>
	z.preprocess(
		asText,
		z
			.string({ error: 'required' })
			.trim()
			.max(max, { error: 'too_long' })
			.transform((value) => (value === '' ? null : value))
	);

export const keySchema = z.preprocess(
	asText,
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(KEY_MAX, { error: 'too_long' })
		.regex(KEY_PATTERN, { error: 'key_format' })
		.refine((key) => !RESERVED_KEYS.includes(key), { error: 'key_reserved' })
);

/** An optional key: empty means "derive one from the name" (mobile stops). */
const optionalKey = z.preprocess(
	asText,
	z
		.string({ error: 'required' })
		.trim()
		.max(KEY_MAX, { error: 'too_long' })
		.refine((key) => key === '' || KEY_PATTERN.test(key), { error: 'key_format' })
		.refine((key) => !RESERVED_KEYS.includes(key), { error: 'key_reserved' })
		.transform((value) => (value === '' ? null : value))
);

export const isilSchema = z.preprocess(
	asText,
	z
		.string({ error: 'required' })
		.transform(normaliseIsil)
		.refine((value) => value === '' || (value.length <= 16 && ISIL_PATTERN.test(value)), { error: 'isil_format' })
		.transform((value) => (value === '' ? null : value))
);

const kirkantaIdSchema = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : asText(value)),
	z
		.string({ error: 'kirkanta_id_format' })
		.trim()
		.refine((value) => value === '' || /^[1-9]\d{0,9}$/.test(value), { error: 'kirkanta_id_format' })
		.transform((value) => (value === '' ? null : Number(value)))
);

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalid_choice' });

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess((value) => (value === '' || value === undefined ? null : value), choice(values).nullable());

export const dateSchema = z.preprocess(
	asText,
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.refine(isIsoDate, { error: 'date_format' })
);

const names = { nameFi: requiredText(NAME_MAX), nameSv: optionalText(NAME_MAX) };

export const networkInputSchema = z.object({
	key: keySchema,
	kind: choice(networkKinds),
	...names,
	kirkantaId: kirkantaIdSchema
});
export type NetworkInput = z.output<typeof networkInputSchema>;
/** Keys are stable: an edit changes everything but the key. */
export const networkUpdateSchema = networkInputSchema.omit({ key: true });
export type NetworkUpdateInput = z.output<typeof networkUpdateSchema>;

export const municipalityInputSchema = z.object({ key: keySchema, ...names, kirkantaId: kirkantaIdSchema });
export type MunicipalityInput = z.output<typeof municipalityInputSchema>;
export const municipalityUpdateSchema = municipalityInputSchema.omit({ key: true });
export type MunicipalityUpdateInput = z.output<typeof municipalityUpdateSchema>;

export const libraryUpdateSchema = z.object({
	kind: choice(libraryKinds),
	...names,
	isil: isilSchema,
	kirkantaId: kirkantaIdSchema
});
export type LibraryUpdateInput = z.output<typeof libraryUpdateSchema>;

/** A new library, optionally placed in a municipality from a date on. */
export const libraryInputSchema = libraryUpdateSchema.extend({
	key: keySchema,
	sizeClass: optionalChoice(sizeClasses),
	municipality: optionalText(KEY_MAX),
	validFrom: dateSchema
});
export type LibraryInput = z.output<typeof libraryInputSchema>;

export const sizeClassInputSchema = z.object({ sizeClass: optionalChoice(sizeClasses) });

export const mobileStopInputSchema = z.object({ key: optionalKey, ...names });
export type MobileStopInput = z.output<typeof mobileStopInputSchema>;
export const mobileStopUpdateSchema = mobileStopInputSchema.omit({ key: true });
export type MobileStopUpdateInput = z.output<typeof mobileStopUpdateSchema>;

/** Move a library to a municipality (by key, ISIL or Kirkanta id), from a date on. */
export const moveLibraryInputSchema = z.object({ municipality: requiredText(KEY_MAX), from: dateSchema });
export const networkMembershipInputSchema = z.object({ network: requiredText(KEY_MAX), from: dateSchema });
export const endMembershipInputSchema = z.object({ network: requiredText(KEY_MAX), to: dateSchema });

/** Parses with a schema above; on failure, the first problem of each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, value: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '_');
		if (errors[field]) continue;
		errors[field] = (fieldProblems as readonly string[]).includes(issue.message) ? (issue.message as FieldProblem) : 'invalid_choice';
	}
	return { ok: false, errors };
}

/** A unit type in a scope reference, as in `--scope library:tampere-metso`. */
export const unitTypes = ['network', 'municipality', 'library'] as const;
export type UnitType = (typeof unitTypes)[number];
export interface ScopeRef {
	type: UnitType;
	/** A key, an ISIL (libraries) or a Kirkanta id. */
	ref: string;
}

/** `library:KEY`, `municipality:KEY`, `network:KEY` (KEY may also be an ISIL or a Kirkanta id). */
export function parseScopeRef(text: string): ScopeRef | null {
	const match = /^(network|municipality|library):(.+)$/.exec(text.trim());
	if (!match) return null;
	const ref = match[2]!.trim();
	return ref ? { type: match[1] as UnitType, ref } : null;
}

/**
 * List filters from a query string. A value that makes no sense is dropped rather than refused:
 * a stale bookmark should still open the list.
 */
const filterText = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const archivedToggle = z.literal('1').optional().catch(undefined);

export const libraryFilterSchema = z.object({
	kind: z.enum(libraryKinds).optional().catch(undefined),
	network: filterText(KEY_MAX),
	municipality: filterText(KEY_MAX),
	q: filterText(100),
	archived: archivedToggle
});
export type LibraryListFilter = z.output<typeof libraryFilterSchema>;

export const networkFilterSchema = z.object({ kind: z.enum(networkKinds).optional().catch(undefined), q: filterText(100), archived: archivedToggle });
export type NetworkListFilter = z.output<typeof networkFilterSchema>;

export const municipalityFilterSchema = z.object({ q: filterText(100), archived: archivedToggle });
export type MunicipalityListFilter = z.output<typeof municipalityFilterSchema>;

/** Reads a filter from URL search parameters (empty values count as absent). */
export function parseFilter<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
	const entries = [...params.entries()].filter(([, value]) => value.trim() !== '');
	return schema.parse(Object.fromEntries(entries));
}
