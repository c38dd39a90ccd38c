import { z } from 'zod';
import { localizedTextSchema } from '../instrument/localized-text.ts';
import { channels, collectorModes, collectorSlugPattern, kioskSettingsSchema } from './collectors.ts';

/**
 * Input rules of the collection use cases (the builder, study pages and the CLI hand in the same
 * shapes). A failed parse names each field with one problem from `collectionProblems`; pages show
 * `m.collection_problem_<problem>()` beside the field.
 */
export const collectionProblems = [
	'required',
	'too_long',
	'key_format',
	'key_taken',
	'invalid_choice',
	'invalid_date',
	'closes_before_opens',
	'not_published',
	'unknown_unit',
	'not_in_study',
	'slug_format',
	'slug_taken',
	'not_https',
	'not_an_origin',
	'out_of_range'
] as const;
export type CollectionProblem = (typeof collectionProblems)[number];
export type CollectionFieldErrors = Partial<Record<string, CollectionProblem>>;

export const instrumentKinds = ['survey', 'staff_survey', 'pulse', 'feedback', 'checklist', 'exercise'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];

/** Keys of instruments, studies and rounds: URL slugs like organisation keys (`demo-customer`). */
export const collectionKeyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const key = z.string().trim().min(1, 'required').max(64, 'too_long').regex(collectionKeyPattern, 'key_format');
/** A name: LocalizedText whose Finnish text is required (the UI's base language). */
const name = localizedTextSchema
	.transform((text) => Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, value?.trim() ?? ''])) as typeof text)
	.refine((text) => (text.fi ?? '') !== '', 'required')
	.refine((text) => Object.values(text).every((value) => (value ?? '').length <= 200), 'too_long');
const id = z.coerce.number<unknown>().int().positive('required');
const flag = z.boolean().optional();
const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))], { error: 'invalid_date' });

export const instrumentInputSchema = z.strictObject({
	key,
	name,
	kind: z.enum(instrumentKinds, { error: 'invalid_choice' }).optional(),
	templateKey: z.string().trim().min(1).nullish()
});

export const scopeUnitSchema = z.strictObject({ type: z.enum(['network', 'municipality', 'library']), id: z.int().positive() });

export const studyInputSchema = z.strictObject({
	key,
	name,
	instrumentId: id,
	scope: z.array(scopeUnitSchema, { error: 'required' }).min(1, 'required').max(500, 'too_long'),
	confidential: flag,
	usesTokens: flag,
	onePerDevice: flag
});

export const studyChangesSchema = z.strictObject({
	name: name.optional(),
	scope: studyInputSchema.shape.scope.optional(),
	confidential: flag,
	usesTokens: flag,
	onePerDevice: flag
});

const roundTimes = <T extends { opensAt?: Date; closesAt?: Date }>(value: T, ctx: z.RefinementCtx) => {
	if (value.opensAt && value.closesAt && value.closesAt.getTime() <= value.opensAt.getTime()) {
		ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'closes_before_opens' });
	}
};

export const roundInputSchema = z
	.strictObject({
		studyId: id,
		key,
		name,
		opensAt: instant,
		closesAt: instant,
		instrumentVersionId: id.optional()
	})
	.superRefine(roundTimes);

export const roundChangesSchema = z
	.strictObject({ name: name.optional(), opensAt: instant.optional(), closesAt: instant.optional(), instrumentVersionId: id.optional() })
	.superRefine(roundTimes);

const slug = z.string().trim().toLowerCase().regex(collectorSlugPattern, 'slug_format');

export const collectorInputSchema = z.strictObject({
	studyId: id,
	libraryId: id.nullable(),
	channel: z.enum(channels, { error: 'invalid_choice' }),
	mode: z.enum(collectorModes, { error: 'invalid_choice' }).optional(),
	slug: slug.optional(),
	settings: kioskSettingsSchema.partial().optional(),
	frameOrigins: z.array(z.string()).max(20, 'too_long').optional()
});

export const collectorChangesSchema = z.strictObject({
	slug: slug.optional(),
	settings: kioskSettingsSchema.partial().optional(),
	frameOrigins: z.array(z.string()).max(20, 'too_long').optional(),
	archived: flag
});

export const maxTokensPerBatch = 5000;
export const tokenCountSchema = z.coerce.number<unknown>().int('out_of_range').min(1, 'out_of_range').max(maxTokensPerBatch, 'out_of_range');

/**
 * Field → problem of the first issue per field (`settings.tapGuardSeconds` for kiosk settings).
 * Issues whose message is not a problem are classified by their kind.
 */
export function fieldProblems(error: z.ZodError): CollectionFieldErrors {
	const errors: CollectionFieldErrors = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String);
		const field = path.length === 0 ? '_' : path[0] === 'settings' && path.length > 1 ? `settings.${path[1]}` : path[0]!;
		if (errors[field]) continue;
		errors[field] = problemOf(issue);
	}
	return errors;
}

function problemOf(issue: z.core.$ZodIssue): CollectionProblem {
	if ((collectionProblems as readonly string[]).includes(issue.message)) return issue.message as CollectionProblem;
	if (issue.code === 'too_small' || issue.code === 'too_big') return issue.origin === 'string' ? 'too_long' : 'out_of_range';
	if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
	return 'invalid_choice';
}
