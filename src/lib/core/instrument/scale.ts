import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from './localized-text.ts';

/**
 * A labelled numeric scale: whole values from `min` to `max` (3–11 points), labelled either at
 * every point (`pointLabels`, one per value in order) or only at the ends (`lowLabel`, `highLabel`).
 * Higher values are "more" (more important, realised better, agree more); a published scale that
 * reads the other way keeps its published order and says so in the item's `note`.
 */
export const scaleSchema = z.strictObject({
	min: z.int(),
	max: z.int(),
	pointLabels: z.array(localizedTextSchema).optional(),
	lowLabel: localizedTextSchema.optional(),
	highLabel: localizedTextSchema.optional()
});
export type Scale = z.infer<typeof scaleSchema>;

export const minScalePoints = 3;
export const maxScalePoints = 11;

export function scalePointCount(scale: Scale): number {
	return scale.max - scale.min + 1;
}

/** The values of the scale in order, e.g. [1, 2, 3, 4, 5]. */
export function scaleValues(scale: Scale): number[] {
	return valuesBetween(scale.min, scale.max);
}

/** Whole values from `min` to `max`, both included. */
export function valuesBetween(min: number, max: number): number[] {
	const values: number[] = [];
	for (let value = min; value <= max; value++) values.push(value);
	return values;
}

/** The label of one point: its own label, or the end label at either end, else none. */
export function scalePointLabel(scale: Scale, value: number): LocalizedText | undefined {
	if (scale.pointLabels) return scale.pointLabels[value - scale.min];
	if (value === scale.min) return scale.lowLabel;
	if (value === scale.max) return scale.highLabel;
	return undefined;
}

/** Fixed scales of the kinds whose values are not configurable. */
export const fixedRanges = {
	/** Net Promoter Score: 0–10. */
	nps: { min: 0, max: 10 },
	/**
	 * Finnish school grade 4–10, whole grades only (ADR 0010): the national public-library user
	 * survey asks whole grades, and rounds and libraries compare on the same seven values.
	 */
	school_grade: { min: 4, max: 10 },
	/** Four smileys: 1 very unhappy, 2 unhappy, 3 happy, 4 very happy. */
	happy_index: { min: 1, max: 4 },
	/** LibQUAL+ style minimum / desired / perceived, each 1–9. */
	libqual: { min: 1, max: 9 }
} as const;
