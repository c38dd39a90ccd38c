import { libqualFacets, type Answer, type Answers } from './answers.ts';
import { parseRef, type Condition, type ConditionValue } from './condition.ts';
import { sameValue } from './facet-domain.ts';
import type { Instrument } from './instrument.ts';
import type { Item } from './items.ts';

/**
 * Show-if evaluation, pure. Conditions see only answers to earlier items that were themselves
 * visible: `visibleAnswers` walks the instrument in order and drops the answers of hidden items
 * before later conditions look at them, so a chain of conditions behaves as the respondent saw it.
 * A reference to an unknown or later item reads as "not answered" (validation refuses those).
 */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
	if ('equals' in condition) return compare(condition.equals[0], [condition.equals[1]], answers);
	if ('in' in condition) return compare(condition.in[0], condition.in[1], answers);
	if ('answered' in condition) return (refValues(condition.answered, answers) ?? []).length > 0;
	if ('not' in condition) return !evaluateCondition(condition.not, answers);
	if ('and' in condition) return condition.and.every((part) => evaluateCondition(part, answers));
	return condition.or.some((part) => evaluateCondition(part, answers));
}

function compare(ref: string, wanted: readonly ConditionValue[], answers: Answers): boolean {
	const values = refValues(ref, answers) ?? [];
	return values.some((value) => wanted.some((candidate) => sameValue(value, candidate)));
}

/** The values an answer holds at a reference; undefined when there is no answer there. */
function refValues(ref: string, answers: Answers): (string | number)[] | undefined {
	const { itemId, facet } = parseRef(ref);
	// Own properties only: an item may be called `constructor` or `toString`.
	return Object.hasOwn(answers, itemId) ? answerValues(answers[itemId]!, facet) : undefined;
}

export function answerValues(answer: Answer, facet: string): (string | number)[] | undefined {
	switch (answer.kind) {
		case 'single_choice':
			return [answer.code];
		case 'multiple_choice':
			return answer.codes;
		case 'matrix': {
			if (facet === '') return Object.values(answer.rows);
			return Object.hasOwn(answer.rows, facet) ? [answer.rows[facet]!] : undefined;
		}
		case 'importance_performance': {
			if (facet === '') return [answer.importance, answer.performance].filter((value) => value !== undefined);
			const value = facet === 'importance' ? answer.importance : facet === 'performance' ? answer.performance : undefined;
			return value === undefined ? undefined : [value];
		}
		case 'libqual': {
			if (answer.value === 'na') return ['na'];
			if (facet === '') return Object.values(answer.value);
			const level = libqualFacets.find((name) => name === facet);
			return level === undefined ? undefined : [answer.value[level]];
		}
		case 'short_text':
		case 'long_text':
			return [answer.text];
		default:
			return [answer.value];
	}
}

export interface Visibility {
	/** Ids of the sections the respondent sees with these answers. */
	sections: Set<string>;
	/** Ids of the items the respondent sees (info blocks included). */
	items: Set<string>;
	/** The answers to visible items only. */
	answers: Answers;
}

export function visibleAnswers(instrument: Instrument, answers: Answers): Visibility {
	const sections = new Set<string>();
	const items = new Set<string>();
	const kept: Answers = {};
	for (const section of instrument.sections) {
		if (section.showIf && !evaluateCondition(section.showIf, kept)) continue;
		sections.add(section.id);
		for (const item of section.items) {
			if (!isItemShown(item, kept)) continue;
			items.add(item.id);
			const answer = answers[item.id];
			if (answer && answer.kind === (item.kind as string)) kept[item.id] = answer;
		}
	}
	return { sections, items, answers: kept };
}

/** Whether the item's own condition holds (its section's condition is the caller's concern). */
export function isItemShown(item: Item, earlierAnswers: Answers): boolean {
	return !item.showIf || evaluateCondition(item.showIf, earlierAnswers);
}
