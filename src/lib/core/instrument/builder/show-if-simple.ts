import { naValue } from '../answers.ts';
import type { Condition, ConditionValue } from '../condition.ts';
import { defaultLabels } from '../default-labels.ts';
import { refDomain, sameValue } from '../facet-domain.ts';
import type { Instrument } from '../instrument.ts';
import { isAnswerable, type AnswerableItem } from '../items.ts';
import type { LocalizedText } from '../localized-text.ts';
import { choiceOptions } from '../options.ts';
import { scalePointLabel, type Scale } from '../scale.ts';
import { copyOf, finish, refuse, type BuilderResult } from './builder-result.ts';

/**
 * The builder's simple form of show-if: "show if <earlier item> is <value(s)>", i.e. `equals` for
 * one value and `in` for several. Anything richer (`not`, `and`, `or`, `answered`) stays as it is
 * in the JSON and is shown as such.
 */
export interface SimpleShowIf {
	ref: string;
	values: ConditionValue[];
}

export function readSimpleShowIf(condition: Condition | undefined): SimpleShowIf | undefined {
	if (!condition) return undefined;
	if ('equals' in condition) return { ref: condition.equals[0], values: [condition.equals[1]] };
	if ('in' in condition) return { ref: condition.in[0], values: [...condition.in[1]] };
	return undefined;
}

export function simpleShowIf({ ref, values }: SimpleShowIf): Condition {
	return values.length === 1 ? { equals: [ref, values[0]!] } : { in: [ref, values] };
}

/** One thing a show-if can test: an item or one facet of it, with the values it can take. */
export interface ShowIfChoice {
	ref: string;
	itemId: string;
	text: LocalizedText;
	/** '' for the item itself, else a matrix row id, `importance`/`performance` or a LibQUAL level. */
	facet: string;
	/** The row's text or the facet's own label, when the item has one. */
	facetText?: LocalizedText;
	values: { value: ConditionValue; label?: LocalizedText }[];
}

/** What an item's show-if may refer to: the facets of earlier items with a closed set of values. */
export function showIfChoices(instrument: Instrument, itemId: string): ShowIfChoice[] {
	const choices: ShowIfChoice[] = [];
	for (const section of instrument.sections) {
		for (const item of section.items) {
			if (item.id === itemId) return choices;
			if (isAnswerable(item)) choices.push(...choicesOf(item));
		}
	}
	return choices;
}

function choicesOf(item: AnswerableItem): ShowIfChoice[] {
	const base = { itemId: item.id, text: item.text };
	const facets: { facet: string; facetText?: LocalizedText; scale?: Scale }[] =
		item.kind === 'matrix'
			? item.rows.map((row) => ({ facet: row.id, facetText: row.text, scale: item.scale }))
			: item.kind === 'importance_performance'
				? [
						{ facet: 'importance', facetText: item.importanceLabel, scale: item.importance },
						{ facet: 'performance', facetText: item.performanceLabel, scale: item.performance }
					]
				: item.kind === 'libqual'
					? [{ facet: 'minimum' }, { facet: 'desired' }, { facet: 'perceived' }]
					: [{ facet: '', scale: item.kind === 'rating' ? item.scale : undefined }];
	const result: ShowIfChoice[] = [];
	for (const { facet, facetText, scale } of facets) {
		const domain = refDomain(item, facet);
		if (!domain || 'compound' in domain || domain.values === 'any') continue;
		const values = domain.values.map((value) => ({ value, label: valueLabel(item, value, scale) }));
		const ref = facet === '' ? item.id : `${item.id}.${facet}`;
		result.push({ ...base, ref, facet, ...(facetText === undefined ? {} : { facetText }), values });
	}
	return result;
}

function valueLabel(item: AnswerableItem, value: ConditionValue, scale: Scale | undefined): LocalizedText | undefined {
	if (value === naValue) return ('naLabel' in item && item.naLabel) || defaultLabels.na;
	if (item.kind === 'single_choice' || item.kind === 'multiple_choice') {
		if (value === 'other') return item.other?.label ?? defaultLabels.other;
		return choiceOptions(item).find((option) => option.code === value)?.label;
	}
	if (item.kind === 'checklist') return value === 'yes' ? defaultLabels.yes : defaultLabels.no;
	if (item.kind === 'happy_index') return (item.labels ?? defaultLabels.happyIndex)[Number(value) - 1];
	if (scale && typeof value === 'number') return scalePointLabel(scale, value);
	return undefined;
}

/**
 * Sets (or with `undefined` removes) an item's show-if in the simple form. Values arrive as form
 * text and are stored as the item's own values (numbers for scales) so the JSON reads naturally.
 */
export function setSimpleShowIf(instrument: Instrument, itemId: string, showIf: SimpleShowIf | undefined): BuilderResult {
	const draft = copyOf(instrument);
	const item = draft.sections.flatMap((section) => section.items).find((candidate) => candidate.id === itemId);
	if (!item) return refuse('item_not_found', '', `There is no item '${itemId}' in this instrument.`);
	if (!showIf) {
		delete item.showIf;
		return finish(draft);
	}
	const choice = showIfChoices(instrument, itemId).find((candidate) => candidate.ref === showIf.ref);
	const values = showIf.values.map((value) => choice?.values.find((known) => sameValue(known.value, value))?.value ?? value);
	item.showIf = simpleShowIf({ ref: showIf.ref, values });
	return finish(draft);
}
