import { naValue, otherCode, type Answer, type Answers, type ScaleAnswer } from '../instrument/answers.ts';
import { defaultLabels } from '../instrument/default-labels.ts';
import { answerableItems, type Instrument } from '../instrument/instrument.ts';
import type { AnswerableItem } from '../instrument/items.ts';
import { localize, type Language, type LocalizedText } from '../instrument/localized-text.ts';
import { choiceOptions, type OptionSources } from '../instrument/options.ts';
import { scalePointLabel, type Scale } from '../instrument/scale.ts';

/**
 * One stored response as people read it (the staff "view one response" page): each answered
 * item's question in the reader's language and its answer as lines of text, e.g. a matrix row per
 * line. Values keep their codes' labels from the pinned instrument version.
 */
export interface DescribedItem {
	itemId: string;
	question: string;
	lines: { label?: string; value: string }[];
}

const facetLabels = {
	importance: { fi: 'Tärkeys', sv: 'Vikt', en: 'Importance' },
	performance: { fi: 'Toteutuminen', sv: 'Förverkligande', en: 'Performance' },
	minimum: { fi: 'Vähimmäistaso', sv: 'Miniminivå', en: 'Minimum' },
	desired: { fi: 'Toivottu taso', sv: 'Önskad nivå', en: 'Desired' },
	perceived: { fi: 'Koettu taso', sv: 'Upplevd nivå', en: 'Perceived' }
} as const satisfies Record<string, LocalizedText>;

export function describeAnswers(instrument: Instrument, answers: Answers, locale: Language, sources: OptionSources = {}): DescribedItem[] {
	const text = (value: LocalizedText | undefined) => localize(value, locale, instrument.baseLanguage);
	return answerableItems(instrument).flatMap((item) => {
		const answer = answers[item.id];
		if (!answer || answer.kind !== item.kind) return [];
		return [{ itemId: item.id, question: text(item.text), lines: describe(item, answer, text, sources) }];
	});
}

function describe(item: AnswerableItem, answer: Answer, text: (value: LocalizedText | undefined) => string, sources: OptionSources): DescribedItem['lines'] {
	const na = 'naLabel' in item && item.naLabel ? text(item.naLabel) : text(defaultLabels.na);
	const scaleValue = (scale: Scale | undefined, value: ScaleAnswer): string => {
		if (value === naValue) return na;
		const label = scale ? scalePointLabel(scale, value) : undefined;
		return label ? `${value} – ${text(label)}` : String(value);
	};
	const choice = (code: string, otherText: string | undefined): string => {
		if (item.kind !== 'single_choice' && item.kind !== 'multiple_choice') return code;
		if (code === otherCode) return `${text(item.other?.label ?? defaultLabels.other)} ${otherText ?? ''}`.trim();
		const option = choiceOptions(item, sources).find((entry) => entry.code === code);
		return option ? text(option.label) : code;
	};
	switch (answer.kind) {
		case 'single_choice':
			return [{ value: choice(answer.code, answer.otherText) }];
		case 'multiple_choice':
			return answer.codes.map((code) => ({ value: choice(code, answer.otherText) }));
		case 'rating':
			return [{ value: scaleValue(item.kind === 'rating' ? item.scale : undefined, answer.value) }];
		case 'matrix': {
			if (item.kind !== 'matrix') return [];
			return item.rows.flatMap((row) =>
				Object.hasOwn(answer.rows, row.id) ? [{ label: text(row.text), value: scaleValue(item.scale, answer.rows[row.id]!) }] : []
			);
		}
		case 'importance_performance': {
			if (item.kind !== 'importance_performance') return [];
			const lines: DescribedItem['lines'] = [];
			if (answer.importance !== undefined) lines.push({ label: text(item.importanceLabel ?? facetLabels.importance), value: scaleValue(item.importance, answer.importance) });
			if (answer.performance !== undefined) lines.push({ label: text(item.performanceLabel ?? facetLabels.performance), value: scaleValue(item.performance, answer.performance) });
			return lines;
		}
		case 'libqual': {
			const levels = answer.value;
			if (levels === naValue) return [{ value: na }];
			return (['minimum', 'desired', 'perceived'] as const).map((facet) => ({ label: text(facetLabels[facet]), value: String(levels[facet]) }));
		}
		case 'happy_index': {
			const labels = item.kind === 'happy_index' && item.labels ? item.labels : defaultLabels.happyIndex;
			return [{ value: `${answer.value} – ${text(labels[answer.value - 1])}` }];
		}
		case 'checklist':
			return [{ value: text(answer.value === naValue ? defaultLabels.notApplicable : defaultLabels[answer.value]) }];
		case 'number':
			return [{ value: item.kind === 'number' && item.unit ? `${answer.value} ${text(item.unit)}` : String(answer.value) }];
		case 'date':
			return [{ value: answer.value }];
		case 'short_text':
		case 'long_text':
			return [{ value: answer.text }];
		default:
			return [{ value: String(answer.value) }];
	}
}
