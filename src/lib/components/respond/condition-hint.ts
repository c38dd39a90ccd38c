import { naValue, otherCode } from '#lib/core/instrument/answers.ts';
import { parseRef, type Condition, type ConditionValue } from '#lib/core/instrument/condition.ts';
import { defaultLabels } from '#lib/core/instrument/default-labels.ts';
import { findItem, type Instrument } from '#lib/core/instrument/instrument.ts';
import type { AnswerableItem } from '#lib/core/instrument/items.ts';
import { localize, type BaseLanguage, type Language, type LocalizedText } from '#lib/core/instrument/localized-text.ts';
import { choiceOptions, type OptionSources } from '#lib/core/instrument/options.ts';
import { scalePointLabel, type Scale } from '#lib/core/instrument/scale.ts';

/**
 * What a show-if condition says, in words, for a page without JavaScript: every item is shown
 * and a conditional one says when to answer it ("answer if you chose …"). Simple conditions (one
 * `equals`, `in` or `answered`) name the question and the answers; compound ones (`not`, `and`,
 * `or`) get a general sentence, because a sentence that spells out boolean logic helps nobody.
 */
export type ConditionHint =
	| { kind: 'chose'; question: string; answers: string[] }
	| { kind: 'answered'; question: string }
	| { kind: 'general' };

export interface HintContext {
	instrument: Instrument;
	lang: Language;
	base: BaseLanguage;
	sources: OptionSources;
}

export function describeCondition(condition: Condition, ctx: HintContext): ConditionHint {
	if ('answered' in condition) {
		const question = refQuestion(condition.answered, ctx);
		return question === undefined ? { kind: 'general' } : { kind: 'answered', question };
	}
	const leaf = 'equals' in condition ? { ref: condition.equals[0], values: [condition.equals[1]] } : 'in' in condition ? { ref: condition.in[0], values: condition.in[1] } : undefined;
	if (!leaf) return { kind: 'general' };
	const question = refQuestion(leaf.ref, ctx);
	const item = answerableItem(leaf.ref, ctx);
	if (question === undefined || !item) return { kind: 'general' };
	return { kind: 'chose', question, answers: leaf.values.map((value) => valueLabel(item, parseRef(leaf.ref).facet, value, ctx)) };
}

function answerableItem(ref: string, ctx: HintContext): AnswerableItem | undefined {
	const item = findItem(ctx.instrument, parseRef(ref).itemId);
	return item && item.kind !== 'info' ? item : undefined;
}

/** The wording of the question a reference points at: the item, or the matrix row. */
function refQuestion(ref: string, ctx: HintContext): string | undefined {
	const item = answerableItem(ref, ctx);
	if (!item) return undefined;
	const { facet } = parseRef(ref);
	const row = item.kind === 'matrix' ? item.rows.find((candidate) => candidate.id === facet) : undefined;
	return localize(row ? row.text : item.text, ctx.lang, ctx.base);
}

function valueLabel(item: AnswerableItem, facet: string, value: ConditionValue, ctx: HintContext): string {
	const text = (label: LocalizedText | undefined) => (label ? localize(label, ctx.lang, ctx.base) : String(value));
	const code = String(value);
	if (code === naValue) {
		const own = 'naLabel' in item ? item.naLabel : undefined;
		return text(own ?? (item.kind === 'checklist' ? defaultLabels.notApplicable : defaultLabels.na));
	}
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice': {
			if (code === otherCode && item.other) return text(item.other.label);
			return text(choiceOptions(item, ctx.sources).find((option) => option.code === code)?.label);
		}
		case 'checklist':
			return text(code === 'yes' ? defaultLabels.yes : code === 'no' ? defaultLabels.no : undefined);
		case 'happy_index': {
			const labels = item.labels ?? defaultLabels.happyIndex;
			return text(labels[Number(value) - 1]);
		}
		case 'rating':
		case 'matrix':
			return scaleLabel(item.scale, value, text);
		case 'importance_performance':
			return scaleLabel(facet === 'performance' ? item.performance : item.importance, value, text);
		default:
			return code;
	}
}

function scaleLabel(scale: Scale, value: ConditionValue, text: (label: LocalizedText | undefined) => string): string {
	const label = scalePointLabel(scale, Number(value));
	return label ? `${value} (${text(label)})` : String(value);
}
