import { z } from 'zod';

/**
 * Show-if logic as JSON. A reference names an earlier item (`'channels'`) or one facet of it
 * (`'service.friendliness'` for a matrix row, `'pair.importance'`, `'lq.perceived'`). Values are
 * option codes, scale values, `'yes'`/`'no'` for checklist items, or `'na'` for an N/A answer.
 *
 * - `{ equals: [ref, value] }`: the answer is `value` (a multiple choice: `value` is among the
 *   selected codes).
 * - `{ in: [ref, [values]] }`: the answer is one of `values` (a multiple choice: any selected is).
 * - `{ answered: ref }`: the item (or facet) has an answer, N/A included.
 * - `{ not: c }`, `{ and: [c, …] }`, `{ or: [c, …] }`.
 *
 * @example { and: [{ answered: 'satisfaction' }, { not: { equals: ['topic', 'other'] } }] }
 */
export type ConditionValue = string | number;
export type Condition =
	| { equals: [string, ConditionValue] }
	| { in: [string, ConditionValue[]] }
	| { answered: string }
	| { not: Condition }
	| { and: Condition[] }
	| { or: Condition[] };

const refSchema = z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)?$/, 'a reference is itemId or itemId.facet');
const valueSchema = z.union([z.string(), z.number()]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union(
		[
			z.strictObject({ equals: z.tuple([refSchema, valueSchema]) }),
			z.strictObject({ in: z.tuple([refSchema, z.array(valueSchema).min(1)]) }),
			z.strictObject({ answered: refSchema }),
			z.strictObject({ not: conditionSchema }),
			z.strictObject({ and: z.array(conditionSchema).min(1) }),
			z.strictObject({ or: z.array(conditionSchema).min(1) })
		],
		{ error: 'a show-if condition is one of { equals }, { in }, { answered }, { not }, { and }, { or }' }
	)
);

export interface ConditionRef {
	itemId: string;
	/** '' for the item itself, else a matrix row id or a facet name. */
	facet: string;
}

export function parseRef(ref: string): ConditionRef {
	const dot = ref.indexOf('.');
	return dot === -1 ? { itemId: ref, facet: '' } : { itemId: ref.slice(0, dot), facet: ref.slice(dot + 1) };
}

/** Every leaf of a condition with the values it compares against (none for `answered`). */
export function conditionLeaves(condition: Condition): { ref: string; values: ConditionValue[] }[] {
	if ('equals' in condition) return [{ ref: condition.equals[0], values: [condition.equals[1]] }];
	if ('in' in condition) return [{ ref: condition.in[0], values: condition.in[1] }];
	if ('answered' in condition) return [{ ref: condition.answered, values: [] }];
	if ('not' in condition) return conditionLeaves(condition.not);
	const parts = 'and' in condition ? condition.and : condition.or;
	return parts.flatMap(conditionLeaves);
}
