import { naValue } from '#lib/core/instrument/answers.ts';
import { defaultLabels } from '#lib/core/instrument/default-labels.ts';
import { fieldName } from '#lib/core/instrument/field-names.ts';
import type { AnswerableItem } from '#lib/core/instrument/items.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { fixedRanges, scalePointLabel, scaleValues, valuesBetween, type Scale } from '#lib/core/instrument/scale.ts';
import { m } from '#lib/paraglide/messages.js';
import { inLang, tr, type FormContext } from './form-state.ts';

/** One radio of a scale. */
export interface Point {
	value: string;
	/** Shown after the value ("0 Not at all likely"); alone when `labelOnly` (fully labelled scales, yes/no). */
	label?: string;
	labelOnly?: boolean;
}

/** One group of radios of an item: the item itself, or a matrix row, a side of a pair, a LibQUAL level. */
export interface ScalePart {
	name: string;
	/** The part's own legend (matrix row, "importance"); none when the item's legend says it all. */
	legend?: string;
	points: Point[];
	vertical: boolean;
}

/**
 * The radio groups of the items answered on a scale, in the order `itemFields` lists their fields.
 * Fully labelled scales are shown as a column of labels ("Strongly disagree" …); scales labelled
 * at the ends show numbers in a row with the end labels beside the first and last number.
 */
export function scaleParts(item: AnswerableItem, ctx: FormContext): ScalePart[] {
	const name = (part?: string) => fieldName(item.id, part);
	const na = (allowNa: boolean | undefined, label: LocalizedText | undefined) =>
		allowNa ? [{ value: naValue, label: tr(ctx, label ?? defaultLabels.na), labelOnly: true }] : [];
	const scale = (scale: Scale, allowNa?: boolean, naLabel?: LocalizedText) => {
		const labelled = scale.pointLabels !== undefined;
		const points: Point[] = scaleValues(scale).map((value) => {
			const label = scalePointLabel(scale, value);
			return labelled ? { value: String(value), label: tr(ctx, label), labelOnly: true } : { value: String(value), label: label && tr(ctx, label) };
		});
		return { points: [...points, ...na(allowNa, naLabel)], vertical: labelled };
	};
	const o = inLang(ctx);
	switch (item.kind) {
		case 'rating':
			return [{ name: name(), ...scale(item.scale, item.allowNa, item.naLabel) }];
		case 'matrix':
			return item.rows.map((row) => ({ name: name(row.id), legend: tr(ctx, row.text), ...scale(item.scale, item.allowNa, item.naLabel) }));
		case 'importance_performance':
			return [
				{
					name: name('importance'),
					legend: item.importanceLabel ? tr(ctx, item.importanceLabel) : m.respond_importance({}, o),
					...scale(item.importance, item.allowNa, item.naLabel)
				},
				{
					name: name('performance'),
					legend: item.performanceLabel ? tr(ctx, item.performanceLabel) : m.respond_performance({}, o),
					...scale(item.performance, item.allowNa, item.naLabel)
				}
			];
		case 'libqual': {
			const { min, max } = fixedRanges.libqual;
			const low = item.lowLabel ? tr(ctx, item.lowLabel) : m.respond_libqual_low({}, o);
			const high = item.highLabel ? tr(ctx, item.highLabel) : m.respond_libqual_high({}, o);
			const points = valuesBetween(min, max).map((value) => ({
				value: String(value),
				label: value === min ? low : value === max ? high : undefined
			}));
			return [
				{ name: name('minimum'), legend: m.respond_libqual_minimum({}, o), points, vertical: false },
				{ name: name('desired'), legend: m.respond_libqual_desired({}, o), points, vertical: false },
				{ name: name('perceived'), legend: m.respond_libqual_perceived({}, o), points, vertical: false }
			];
		}
		case 'nps': {
			const low = item.lowLabel ? tr(ctx, item.lowLabel) : m.respond_nps_low({}, o);
			const high = item.highLabel ? tr(ctx, item.highLabel) : m.respond_nps_high({}, o);
			const { min, max } = fixedRanges.nps;
			const points = valuesBetween(min, max).map((value) => ({
				value: String(value),
				label: value === min ? low : value === max ? high : undefined
			}));
			return [{ name: name(), points, vertical: false }];
		}
		case 'school_grade': {
			const { min, max } = fixedRanges.school_grade;
			return [{ name: name(), points: valuesBetween(min, max).map((value) => ({ value: String(value) })), vertical: false }];
		}
		case 'checklist': {
			const points: Point[] = [
				{ value: 'yes', label: tr(ctx, defaultLabels.yes), labelOnly: true },
				{ value: 'no', label: tr(ctx, defaultLabels.no), labelOnly: true },
				...(item.allowNa ? [{ value: naValue, label: tr(ctx, item.naLabel ?? defaultLabels.notApplicable), labelOnly: true }] : [])
			];
			return [{ name: name(), points, vertical: false }];
		}
		default:
			return [];
	}
}
