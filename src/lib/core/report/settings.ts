import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from '../instrument/localized-text.ts';
import { optionCodePattern, slugPattern } from '../instrument/vocabulary.ts';

/**
 * A study's report settings (`study.report_settings`, migration 0004; ADR 0018):
 *
 * - `minGroupSize`: no figure of a group with fewer answers is shown. 5 by default and never less:
 *   a setting below 5 is refused here and by a check constraint in the database.
 * - `derivedGroups`: segment groups made of several values, e.g. 45+ = 45–64 ∪ 65+. They become
 *   columns of a segment breakdown and choices of the segment filter beside the plain values.
 * - `comparisons`: segment gaps that every report tests and calls out when significant, e.g.
 *   15–29 against 45+ (source 000 compares exactly these).
 *
 * An empty object (the column default) means the defaults below; a study that stores its own
 * `derivedGroups` or `comparisons` replaces the defaults (an empty list means none).
 */
export const defaultMinGroupSize = 5;
export const maxMinGroupSize = 100;

export const derivedGroupSchema = z.strictObject({
	segment: z.string().regex(slugPattern, 'must be a segment key'),
	key: z.string().regex(optionCodePattern, 'must be a code'),
	label: localizedTextSchema,
	values: z.array(z.string().regex(optionCodePattern, 'must be a code')).min(2, 'needs at least two values')
});
export type DerivedGroup = z.infer<typeof derivedGroupSchema>;

export const segmentComparisonSchema = z.strictObject({
	segment: z.string().regex(slugPattern, 'must be a segment key'),
	/** Plain value codes or derived group keys of the same segment. */
	from: z.string().regex(optionCodePattern, 'must be a code'),
	to: z.string().regex(optionCodePattern, 'must be a code')
});
export type SegmentComparison = z.infer<typeof segmentComparisonSchema>;

export interface ReportSettings {
	minGroupSize: number;
	derivedGroups: DerivedGroup[];
	comparisons: SegmentComparison[];
}

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });

/**
 * Defaults drawn from the customer-service template's background items (age bands under-15,
 * 15-29, 30-44, 45-64, 65-plus; education none_yet, basic, upper_secondary, higher): source 000
 * compares 15–29-year-olds with those over 45, and finds the library resonates best with the
 * academically educated.
 */
export function defaultDerivedGroups(): DerivedGroup[] {
	return [
		{ segment: 'age_band', key: '45-plus', label: t('45 vuotta tai yli', '45 år eller äldre', '45 or over'), values: ['45-64', '65-plus'] },
		{ segment: 'age_band', key: 'under-45', label: t('alle 45 vuotta', 'under 45 år', 'under 45'), values: ['under-15', '15-29', '30-44'] },
		{
			segment: 'education',
			key: 'no-higher',
			label: t('Ei korkea-asteen tutkintoa', 'Ingen högskoleexamen', 'No higher education'),
			values: ['none_yet', 'basic', 'upper_secondary']
		}
	];
}

export function defaultComparisons(): SegmentComparison[] {
	return [
		{ segment: 'age_band', from: '15-29', to: '45-plus' },
		{ segment: 'education', from: 'no-higher', to: 'higher' }
	];
}

export const reportSettingsSchema = z
	.strictObject({
		minGroupSize: z
			.int('must be a whole number')
			.min(defaultMinGroupSize, `must be at least ${defaultMinGroupSize}`)
			.max(maxMinGroupSize, `must be at most ${maxMinGroupSize}`)
			.optional(),
		derivedGroups: z.array(derivedGroupSchema).optional(),
		comparisons: z.array(segmentComparisonSchema).optional()
	})
	.superRefine((settings, context) => {
		const groups = settings.derivedGroups ?? [];
		groups.forEach((group, index) => {
			if (groups.findIndex((other) => other.segment === group.segment && other.key === group.key) !== index) {
				context.addIssue({ code: 'custom', path: ['derivedGroups', index, 'key'], message: 'is used twice in the segment' });
			}
			if (group.values.includes(group.key)) {
				context.addIssue({ code: 'custom', path: ['derivedGroups', index, 'key'], message: 'must differ from its values' });
			}
			if (new Set(group.values).size !== group.values.length) {
				context.addIssue({ code: 'custom', path: ['derivedGroups', index, 'values'], message: 'lists a value twice' });
			}
		});
		(settings.comparisons ?? []).forEach((comparison, index) => {
			if (comparison.from === comparison.to) {
				context.addIssue({ code: 'custom', path: ['comparisons', index, 'to'], message: 'must differ from `from`' });
			}
		});
	});
export type ReportSettingsInput = z.input<typeof reportSettingsSchema>;

/** The settings with defaults filled in. */
export function withDefaults(stored: z.output<typeof reportSettingsSchema>): ReportSettings {
	return {
		minGroupSize: stored.minGroupSize ?? defaultMinGroupSize,
		derivedGroups: stored.derivedGroups ?? defaultDerivedGroups(),
		comparisons: stored.comparisons ?? defaultComparisons()
	};
}

/**
 * Reads the stored jsonb. Stored settings were validated when written, so a value that no longer
 * parses is a defect: rather than fall back to a smaller group size silently, it throws.
 */
export function readReportSettings(stored: unknown): ReportSettings {
	const parsed = reportSettingsSchema.safeParse(stored ?? {});
	if (!parsed.success) throw new Error(`Stored report settings do not parse: ${parsed.error.message}`);
	return withDefaults(parsed.data);
}
