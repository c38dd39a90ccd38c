import { otherCode } from './answers.ts';
import { placedItems, type Instrument } from './instrument.ts';
import { issue, joinPath, type InstrumentIssue } from './instrument-issues.ts';
import { textLimits, type Item } from './items.ts';
import { hasText } from './localized-text.ts';
import { maxScalePoints, minScalePoints, scalePointCount, type Scale } from './scale.ts';
import { instrumentTexts } from './texts.ts';
import { isIsoDate } from './raw-form.ts';

/** Checks over a definition whose shape is already valid: ids, codes, scales, limits, texts. */
export function checkStructure(instrument: Instrument): InstrumentIssue[] {
	const issues: InstrumentIssue[] = [];
	checkLanguages(instrument, issues);
	const sectionIds = new Set<string>();
	instrument.sections.forEach((section, index) => {
		if (sectionIds.has(section.id))
			issues.push(issue('duplicate_section_id', `sections[${index}].id`, `Section id '${section.id}' is used twice.`));
		sectionIds.add(section.id);
	});
	const itemIds = new Set<string>();
	const segments = new Map<string, string>();
	for (const { item, path } of placedItems(instrument)) {
		if (itemIds.has(item.id)) issues.push(issue('duplicate_item_id', joinPath(path, 'id'), 'the id is used by an earlier item', item.id));
		itemIds.add(item.id);
		if ((item.kind === 'single_choice' || item.kind === 'multiple_choice') && item.segment) {
			const earlier = segments.get(item.segment);
			if (earlier !== undefined)
				issues.push(issue('duplicate_segment', joinPath(path, 'segment'), `segment '${item.segment}' is already set by item '${earlier}'`, item.id));
			else segments.set(item.segment, item.id);
		}
		issues.push(...checkItem(item, path));
	}
	for (const { path, itemId, text } of instrumentTexts(instrument)) {
		if (!hasText(text, instrument.baseLanguage)) {
			const message = `no text in the base language '${instrument.baseLanguage}'`;
			issues.push(itemId === undefined ? issue('missing_base_text', path, `${path}: ${message}.`) : issue('missing_base_text', path, message, itemId));
		}
	}
	return issues;
}

function checkLanguages(instrument: Instrument, issues: InstrumentIssue[]): void {
	if (!instrument.languages.includes(instrument.baseLanguage))
		issues.push(issue('base_language_not_offered', 'languages', `languages must include the base language '${instrument.baseLanguage}'.`));
	if (new Set(instrument.languages).size !== instrument.languages.length)
		issues.push(issue('duplicate_language', 'languages', 'A language is listed twice in languages.'));
}

function checkItem(item: Item, path: string): InstrumentIssue[] {
	const issues: InstrumentIssue[] = [];
	const add = (code: InstrumentIssue['code'], at: string, message: string) => issues.push(issue(code, joinPath(path, at), message, item.id));
	const checkScale = (scale: Scale, at: string) => {
		const points = scalePointCount(scale);
		if (points < minScalePoints || points > maxScalePoints)
			add('scale_points', at, `the scale ${scale.min}–${scale.max} has ${points} points; ${minScalePoints}–${maxScalePoints} are allowed`);
		else if (scale.pointLabels && scale.pointLabels.length !== points)
			add('scale_labels', joinPath(at, 'pointLabels'), `${scale.pointLabels.length} point labels for ${points} points`);
		else if (!scale.pointLabels && (!scale.lowLabel || !scale.highLabel))
			add('scale_labels', at, 'label every point (pointLabels) or both ends (lowLabel and highLabel)');
	};
	const checkRange = (min: number | string | undefined, max: number | string | undefined) => {
		if (min !== undefined && max !== undefined && min > max) add('min_above_max', 'min', `min ${min} is above max ${max}`);
	};
	const checkLength = (maxLength: number | undefined, at: string) => {
		if (maxLength !== undefined && maxLength > textLimits.hardMax) add('text_limit', at, `maxLength ${maxLength} is above ${textLimits.hardMax}`);
	};
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice': {
			const options = item.options ?? [];
			if (item.optionsFrom && options.length > 0) add('options_with_source', 'options', `options are filled from '${item.optionsFrom}'; remove the listed options`);
			if (!item.optionsFrom && options.length === 0) add('missing_options', 'options', 'a choice needs options (or optionsFrom)');
			const codes = new Set<string>();
			options.forEach((option, index) => {
				if (codes.has(option.code)) add('duplicate_option_code', `options[${index}].code`, `option code '${option.code}' is used twice`);
				if (option.code === otherCode && item.other) add('reserved_option_code', `options[${index}].code`, `'${otherCode}' is reserved for "other, what?"`);
				codes.add(option.code);
			});
			checkLength(item.other?.maxLength, 'other.maxLength');
			if (item.kind === 'multiple_choice') {
				const { minSelections: min, maxSelections: max } = item;
				const available = item.optionsFrom ? Infinity : options.length + (item.other ? 1 : 0);
				if (min !== undefined && max !== undefined && min > max) add('selection_limits', 'minSelections', `minSelections ${min} is above maxSelections ${max}`);
				else if (min !== undefined && min > available) add('selection_limits', 'minSelections', `minSelections ${min} is more than the ${available} choices`);
			}
			break;
		}
		case 'rating':
			checkScale(item.scale, 'scale');
			break;
		case 'matrix': {
			checkScale(item.scale, 'scale');
			const rowIds = new Set<string>();
			item.rows.forEach((row, index) => {
				if (rowIds.has(row.id)) add('duplicate_row_id', `rows[${index}].id`, `row id '${row.id}' is used twice`);
				rowIds.add(row.id);
			});
			break;
		}
		case 'importance_performance':
			checkScale(item.importance, 'importance');
			checkScale(item.performance, 'performance');
			break;
		case 'number':
			checkRange(item.min, item.max);
			break;
		case 'date':
			for (const key of ['min', 'max'] as const) {
				const value = item[key];
				if (value !== undefined && !isIsoDate(value)) add('invalid_shape', key, `'${value}' is not a calendar date`);
			}
			checkRange(item.min, item.max);
			break;
		case 'short_text':
		case 'long_text':
			checkLength(item.maxLength, 'maxLength');
			break;
	}
	return issues;
}
