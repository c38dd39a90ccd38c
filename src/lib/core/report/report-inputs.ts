import { answerableItems, findItem, type Instrument } from '../instrument/instrument.ts';
import { isAnswerable, type AnswerableItem } from '../instrument/items.ts';
import type { Scale } from '../instrument/scale.ts';
import type { Localize } from './analysers.ts';
import type { SegmentValue } from './columns.ts';
import type { DerivedGroup, ReportSettings } from './settings.ts';

/**
 * What the report reads from the instrument besides its questions: the segment items with their
 * values and the study's derived groups, and whether the compare round asked a question the same
 * way.
 */
export interface SegmentInfo {
	key: string;
	label: string;
	itemId: string;
	values: SegmentValue[];
	derived: (DerivedGroup & { labelText: string })[];
}

export function segmentItems(instrument: Instrument, settings: ReportSettings, localize: Localize, optionLabels: Readonly<Record<string, Readonly<Record<string, string>>>>): SegmentInfo[] {
	const segments: SegmentInfo[] = [];
	for (const item of answerableItems(instrument)) {
		if ((item.kind !== 'single_choice' && item.kind !== 'multiple_choice') || !item.segment) continue;
		if (segments.some((segment) => segment.key === item.segment)) continue;
		const values: SegmentValue[] = item.optionsFrom
			? Object.entries(optionLabels[item.id] ?? {}).map(([code, label]) => ({ code, label }))
			: (item.options ?? []).map((option) => ({ code: option.code, label: localize(option.label) }));
		if (item.other) values.push({ code: 'other', label: localize(item.other.label) });
		const derived = settings.derivedGroups
			.filter((group) => group.segment === item.segment && !values.some((value) => value.code === group.key))
			.map((group) => ({ ...group, labelText: localize(group.label) }));
		segments.push({ key: item.segment, label: localize(item.text), itemId: item.id, values, derived });
	}
	return segments;
}

/** The segment codes of a group: a derived group's values, or the plain value itself. */
export function segmentGroupCodes(segments: readonly SegmentInfo[], key: string, group: string): string[] {
	const derived = segments.find((segment) => segment.key === key)?.derived.find((candidate) => candidate.key === group);
	return derived ? [...derived.values] : [group];
}

/** Whether a group names a value or a derived group of the segment (for parsing filters). */
export function isSegmentGroup(segments: readonly SegmentInfo[], key: string, group: string): boolean {
	const segment = segments.find((candidate) => candidate.key === key);
	if (!segment) return false;
	return segment.derived.some((candidate) => candidate.key === group) || segment.values.some((value) => value.code === group) || segment.values.length === 0;
}

const sameScale = (a: Scale, b: Scale) => a.min === b.min && a.max === b.max;

/**
 * Whether the compare round's definition asks the question the same way: same kind, same scale
 * (or scales), the matrix row still there. A question whose scale changed is shown for both
 * rounds but not tested, with a note.
 */
export function comparableItem(item: AnswerableItem, facet: string, compareInstrument: Instrument): boolean {
	const found = findItem(compareInstrument, item.id);
	if (!found || !isAnswerable(found) || found.kind !== item.kind) return false;
	switch (item.kind) {
		case 'rating':
			return found.kind === 'rating' && sameScale(item.scale, found.scale);
		case 'matrix':
			return found.kind === 'matrix' && sameScale(item.scale, found.scale) && found.rows.some((row) => row.id === facet);
		case 'importance_performance':
			return found.kind === 'importance_performance' && sameScale(item.importance, found.importance) && sameScale(item.performance, found.performance);
		default:
			return true;
	}
}
