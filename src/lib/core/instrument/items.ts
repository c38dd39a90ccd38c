import { z } from 'zod';
import { conditionSchema } from './condition.ts';
import { localizedTextSchema } from './localized-text.ts';
import { scaleSchema } from './scale.ts';
import { optionCodePattern, slugPattern } from './vocabulary.ts';

/**
 * The item kinds of an instrument, a discriminated union on `kind`. Every item has a stable `id`
 * (a slug unique within the instrument and kept across versions, so rounds compare on it); rows of
 * a matrix have their own stable ids. Limits that need the whole item (points of a scale, min ≤ max,
 * unique codes) are checked by `validateInstrument`, which names the item and the problem.
 */
const slug = z.string().regex(slugPattern, 'must be a slug: a–z first, then a–z, 0–9, _ or -, at most 64');
const code = z.string().regex(optionCodePattern, 'must be a code: a–z or 0–9 first, then a–z, 0–9, _ or -');
const text = localizedTextSchema;

/** Where wording comes from: a source document ('000'–'004') or 'aspa' when we wrote it. */
const provenance = { source: z.string().optional(), note: z.string().optional() };

const common = {
	id: slug,
	text,
	help: text.optional(),
	required: z.boolean().optional(),
	showIf: conditionSchema.optional(),
	/** Quality dimensions (see vocabulary.ts); an open list of slugs. */
	tags: z.array(slug).optional(),
	...provenance
};

export const choiceOptionSchema = z.strictObject({ code, label: text, ...provenance });
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/** "Other, what?": an extra choice with the reserved code `other` and a free-text field. */
const otherSchema = z.strictObject({ label: text, maxLength: z.int().positive().optional() });

/** Options filled at run time: `libraries` are the study's libraries, coded by library key. */
export const optionSources = ['libraries'] as const;
export type OptionSourceName = (typeof optionSources)[number];

const choice = {
	options: z.array(choiceOptionSchema).optional(),
	optionsFrom: z.enum(optionSources).optional(),
	other: otherSchema.optional(),
	/** Copy the answer onto the response row under this key (see vocabulary.ts `segmentKeys`). */
	segment: slug.optional()
};
const na = { allowNa: z.boolean().optional(), naLabel: text.optional() };

const singleChoice = z.strictObject({
	...common,
	kind: z.literal('single_choice'),
	...choice,
	display: z.enum(['radio', 'dropdown']).optional()
});
const multipleChoice = z.strictObject({
	...common,
	kind: z.literal('multiple_choice'),
	...choice,
	minSelections: z.int().nonnegative().optional(),
	maxSelections: z.int().positive().optional()
});
const rating = z.strictObject({ ...common, kind: z.literal('rating'), scale: scaleSchema, ...na });

export const matrixRowSchema = z.strictObject({ id: slug, text, tags: z.array(slug).optional(), ...provenance });
export type MatrixRow = z.infer<typeof matrixRowSchema>;
/** Rows sharing one scale; `required` means every row needs an answer. */
const matrix = z.strictObject({
	...common,
	kind: z.literal('matrix'),
	scale: scaleSchema,
	rows: z.array(matrixRowSchema).min(1),
	...na
});
/** One statement rated twice: how important it is and how well it works. */
const importancePerformance = z.strictObject({
	...common,
	kind: z.literal('importance_performance'),
	importance: scaleSchema,
	performance: scaleSchema,
	importanceLabel: text.optional(),
	performanceLabel: text.optional(),
	...na
});
/** LibQUAL+ format: minimum, desired and perceived level, 1–9 each; N/A overrides all three. */
const libqual = z.strictObject({
	...common,
	kind: z.literal('libqual'),
	lowLabel: text.optional(),
	highLabel: text.optional(),
	...na
});
const nps = z.strictObject({ ...common, kind: z.literal('nps'), lowLabel: text.optional(), highLabel: text.optional() });
const schoolGrade = z.strictObject({ ...common, kind: z.literal('school_grade') });
/** Four smileys; `labels` from very unhappy (1) to very happy (4), else the default labels. */
const happyIndex = z.strictObject({
	...common,
	kind: z.literal('happy_index'),
	labels: z.tuple([text, text, text, text]).optional()
});
/**
 * An observation: yes / no / N/A. `weight` is the points a yes earns (default 1); N/A removes the
 * item from the maximum. `critical` items may cap their section in scoring (mystery shopping).
 */
const checklist = z.strictObject({
	...common,
	kind: z.literal('checklist'),
	weight: z.number().nonnegative().optional(),
	critical: z.boolean().optional(),
	...na
});
const numberItem = z.strictObject({
	...common,
	kind: z.literal('number'),
	min: z.number().optional(),
	max: z.number().optional(),
	integer: z.boolean().optional(),
	unit: text.optional()
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const dateItem = z.strictObject({ ...common, kind: z.literal('date'), min: isoDate.optional(), max: isoDate.optional() });
const shortText = z.strictObject({ ...common, kind: z.literal('short_text'), maxLength: z.int().positive().optional() });
const longText = z.strictObject({ ...common, kind: z.literal('long_text'), maxLength: z.int().positive().optional() });
/** Text for the respondent with no answer: an intro, a promise, instructions; `list` is bulleted. */
const info = z.strictObject({
	id: slug,
	kind: z.literal('info'),
	text,
	list: z.array(text).optional(),
	showIf: conditionSchema.optional(),
	...provenance
});

export const itemKinds = [
	'single_choice',
	'multiple_choice',
	'rating',
	'matrix',
	'importance_performance',
	'libqual',
	'nps',
	'school_grade',
	'happy_index',
	'checklist',
	'number',
	'date',
	'short_text',
	'long_text',
	'info'
] as const;
export type ItemKind = (typeof itemKinds)[number];

export const itemSchema = z.discriminatedUnion(
	'kind',
	[
		singleChoice,
		multipleChoice,
		rating,
		matrix,
		importancePerformance,
		libqual,
		nps,
		schoolGrade,
		happyIndex,
		checklist,
		numberItem,
		dateItem,
		shortText,
		longText,
		info
	],
	{ error: `kind must be one of ${itemKinds.join(', ')}` }
);
export type Item = z.infer<typeof itemSchema>;
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>;
/** Every item that takes an answer (all but `info`). */
export type AnswerableItem = Exclude<Item, { kind: 'info' }>;
export type ChoiceItem = ItemOf<'single_choice' | 'multiple_choice'>;

export function isAnswerable(item: Item): item is AnswerableItem {
	return item.kind !== 'info';
}

/** Default and maximum lengths of free text, in characters. */
export const textLimits = { short_text: 200, long_text: 4000, other: 200, hardMax: 20000 } as const;
