import { naValue, otherCode } from '../answers.ts';
import { defaultLabels } from '../default-labels.ts';
import { fieldName } from '../field-names.ts';
import type { Instrument } from '../instrument.ts';
import { isAnswerable, type AnswerableItem, type Item } from '../items.ts';
import type { LocalizedText } from '../localized-text.ts';
import { choiceOptions, type OptionSources } from '../options.ts';
import { fixedRanges, scalePointLabel, scaleValues, valuesBetween, type Scale } from '../scale.ts';

/**
 * The printed paper form and the paper-entry screen share one layout: answerable items numbered
 * 1, 2, 3 … in document order, the rows or parts of a compound item lettered (5a, 5b), and every
 * box printed with the key staff type for it (a choice's position, a scale's value, `n` for N/A).
 */
export interface PaperChoice {
	/** What is printed beside the box and typed on the entry screen. */
	key: string;
	/** The value posted in the field scheme of field-names.ts. */
	value: string;
	label?: LocalizedText;
}

export type PaperFieldKind = 'choice' | 'choices' | 'number' | 'date' | 'text' | 'long_text';

export interface PaperField {
	/** `q.<itemId>[.<part>]`. */
	name: string;
	/** The entry's number with a letter for a row or part, e.g. `5b`. */
	number: string;
	kind: PaperFieldKind;
	/** Row text, or the part's label (importance, desired level, "other, what?"). */
	label?: LocalizedText;
	/** For `choice` (one) and `choices` (any number of) boxes. */
	choices: PaperChoice[];
	/** Printed ends of a scale, for scales labelled only at the ends. */
	scale?: Scale;
}

export interface PaperEntry {
	item: Item;
	sectionIndex: number;
	/** '' for an info block, which has no number. */
	number: string;
	fields: PaperField[];
}

/** The N/A box's key: a letter, so it never collides with a scale value. */
export const naKey = 'n';

const letters = 'abcdefghijklmnopqrstuvwxyz';
const partLabels = {
	importance: { fi: 'Tärkeys', sv: 'Betydelse', en: 'Importance' },
	performance: { fi: 'Toteutuminen', sv: 'Förverkligande', en: 'Performance' },
	minimum: { fi: 'Vähimmäistaso', sv: 'Miniminivå', en: 'Minimum level' },
	desired: { fi: 'Toivottu taso', sv: 'Önskad nivå', en: 'Desired level' },
	perceived: { fi: 'Koettu taso', sv: 'Upplevd nivå', en: 'Perceived level' }
} satisfies Record<string, LocalizedText>;

export function paperLayout(instrument: Instrument, sources: OptionSources = {}): PaperEntry[] {
	const entries: PaperEntry[] = [];
	let counter = 0;
	instrument.sections.forEach((section, sectionIndex) => {
		for (const item of section.items) {
			if (!isAnswerable(item)) {
				entries.push({ item, sectionIndex, number: '', fields: [] });
				continue;
			}
			const number = String(++counter);
			entries.push({ item, sectionIndex, number, fields: fieldsOf(item, number, sources) });
		}
	});
	return entries;
}

function scaleChoices(scale: Scale, allowNa: boolean | undefined, naLabel: LocalizedText | undefined): PaperChoice[] {
	const choices: PaperChoice[] = scaleValues(scale).map((value) => {
		const label = scale.pointLabels ? scalePointLabel(scale, value) : undefined;
		return label ? { key: String(value), value: String(value), label } : { key: String(value), value: String(value) };
	});
	if (allowNa) choices.push({ key: naKey, value: naValue, label: naLabel ?? defaultLabels.na });
	return choices;
}

function fixed(kind: keyof typeof fixedRanges): Scale {
	return { min: fixedRanges[kind].min, max: fixedRanges[kind].max };
}

function fieldsOf(item: AnswerableItem, number: string, sources: OptionSources): PaperField[] {
	const field = (part: string, kind: PaperFieldKind, choices: PaperChoice[] = [], extra: Partial<PaperField> = {}): PaperField => ({
		name: fieldName(item.id, part),
		number,
		kind,
		choices,
		...extra
	});
	const lettered = (fields: PaperField[]) => fields.map((entry, index) => ({ ...entry, number: `${number}${letters[index] ?? index}` }));
	switch (item.kind) {
		case 'single_choice':
		case 'multiple_choice': {
			const choices: PaperChoice[] = choiceOptions(item, sources).map((option, index) => ({ key: String(index + 1), value: option.code, label: option.label }));
			if (item.other) choices.push({ key: String(choices.length + 1), value: otherCode, label: item.other.label });
			const main = field('', item.kind === 'single_choice' ? 'choice' : 'choices', choices);
			return item.other ? [main, field(otherCode, 'text', [], { label: item.other.label })] : [main];
		}
		case 'rating':
			return [field('', 'choice', scaleChoices(item.scale, item.allowNa, item.naLabel), { scale: item.scale })];
		case 'matrix':
			return lettered(item.rows.map((row) => field(row.id, 'choice', scaleChoices(item.scale, item.allowNa, item.naLabel), { label: row.text, scale: item.scale })));
		case 'importance_performance':
			return lettered([
				field('importance', 'choice', scaleChoices(item.importance, item.allowNa, item.naLabel), { label: item.importanceLabel ?? partLabels.importance, scale: item.importance }),
				field('performance', 'choice', scaleChoices(item.performance, item.allowNa, item.naLabel), { label: item.performanceLabel ?? partLabels.performance, scale: item.performance })
			]);
		case 'libqual': {
			const scale = { ...fixed('libqual'), ...(item.lowLabel ? { lowLabel: item.lowLabel } : {}), ...(item.highLabel ? { highLabel: item.highLabel } : {}) };
			// N/A of a LibQUAL statement covers all three levels: typed in any of them, posted as `q.<id>.na`.
			return lettered(
				(['minimum', 'desired', 'perceived'] as const).map((level) =>
					field(level, 'choice', scaleChoices(scale, item.allowNa, item.naLabel), { label: partLabels[level], scale })
				)
			);
		}
		case 'nps': {
			const scale = { ...fixed('nps'), ...(item.lowLabel ? { lowLabel: item.lowLabel } : {}), ...(item.highLabel ? { highLabel: item.highLabel } : {}) };
			return [field('', 'choice', scaleChoices(scale, false, undefined), { scale })];
		}
		case 'school_grade':
			return [field('', 'choice', valuesBetween(4, 10).map((value) => ({ key: String(value), value: String(value) })))];
		case 'happy_index': {
			const labels = item.labels ?? defaultLabels.happyIndex;
			return [field('', 'choice', labels.map((label, index) => ({ key: String(index + 1), value: String(index + 1), label })))];
		}
		case 'checklist': {
			const choices: PaperChoice[] = [
				{ key: '1', value: 'yes', label: defaultLabels.yes },
				{ key: '2', value: 'no', label: defaultLabels.no }
			];
			if (item.allowNa) choices.push({ key: naKey, value: naValue, label: item.naLabel ?? defaultLabels.notApplicable });
			return [field('', 'choice', choices)];
		}
		case 'number':
			return [field('', 'number')];
		case 'date':
			return [field('', 'date')];
		case 'short_text':
			return [field('', 'text')];
		case 'long_text':
			return [field('', 'long_text')];
	}
}
