import fc from 'fast-check';
import { arbitraryOptionSources, dayToIso } from './arbitrary-instrument.ts';
import { otherCode, type Answer, type Answers, type ScaleAnswer } from './answers.ts';
import { answerableItems, type Instrument } from './instrument.ts';
import { textLimits, type AnswerableItem } from './items.ts';
import { choiceCodes, type OptionSources } from './options.ts';
import { normaliseText, textLength } from './raw-form.ts';
import { fixedRanges, scaleValues, valuesBetween, type Scale } from './scale.ts';
import { visibleAnswers } from './visibility.ts';

/**
 * fast-check arbitrary of valid answers to an instrument, as a respondent could give them: every
 * visible required item answered, limits kept, hidden items unanswered. Written from the
 * definition, independently of the submission checker it tests (test support only).
 */
export function arbitraryAnswers(instrument: Instrument, sources: OptionSources = arbitraryOptionSources): fc.Arbitrary<Answers> {
	const candidates = answerableItems(instrument).map((item) => {
		const answer = answerOf(item, sources);
		const maybe = item.required ? answer : fc.option(answer, { nil: undefined });
		return maybe.map((value) => [item.id, value] as const);
	});
	return fc.tuple(...candidates).map((entries) => {
		const all: Answers = {};
		for (const [id, answer] of entries) if (answer) all[id] = answer;
		// Answers to hidden items are not given: the respondent never saw them.
		return visibleAnswers(instrument, all).answers;
	});
}

/** Text as a respondent types it and the checker stores it: trimmed, `\n` breaks, not blank. */
export function arbitraryText(maxLength: number): fc.Arbitrary<string> {
	return fc
		.string({ minLength: 1, maxLength, unit: 'grapheme' })
		.map(normaliseText)
		.filter((text) => text !== '' && textLength(text) <= maxLength);
}

function scaleAnswer(scale: Pick<Scale, 'min' | 'max'>, allowNa: boolean | undefined): fc.Arbitrary<ScaleAnswer> {
	const values = fc.constantFrom<ScaleAnswer>(...scaleValues(scale as Scale));
	return allowNa ? fc.oneof(values, fc.constant('na' as const)) : values;
}

function answerOf(item: AnswerableItem, sources: OptionSources): fc.Arbitrary<Answer> {
	switch (item.kind) {
		case 'single_choice': {
			const otherText = item.other ? fc.option(arbitraryText(item.other.maxLength ?? textLimits.other), { nil: undefined }) : fc.constant(undefined);
			return fc.tuple(fc.constantFrom(...choiceCodes(item, sources)), otherText).map(([code, text]) =>
				code === otherCode && text !== undefined ? { kind: item.kind, code, otherText: text } : { kind: item.kind, code }
			);
		}
		case 'multiple_choice': {
			const codes = choiceCodes(item, sources);
			const min = Math.max(item.minSelections ?? 0, 1);
			const max = Math.min(item.maxSelections ?? codes.length, codes.length);
			const otherText = item.other ? fc.option(arbitraryText(item.other.maxLength ?? textLimits.other), { nil: undefined }) : fc.constant(undefined);
			return fc.tuple(fc.subarray(codes, { minLength: min, maxLength: max }), otherText).map(([chosen, text]) =>
				chosen.includes(otherCode) && text !== undefined ? { kind: item.kind, codes: chosen, otherText: text } : { kind: item.kind, codes: chosen }
			);
		}
		case 'rating':
			return scaleAnswer(item.scale, item.allowNa).map((value) => ({ kind: item.kind, value }));
		case 'matrix': {
			const rows = item.rows.map((row) => {
				const value = scaleAnswer(item.scale, item.allowNa);
				return (item.required ? value : fc.option(value, { nil: undefined })).map((v) => [row.id, v] as const);
			});
			return fc
				.tuple(...rows)
				.map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as Record<string, ScaleAnswer>)
				.filter((answered) => Object.keys(answered).length > 0)
				.map((answered) => ({ kind: item.kind, rows: answered }));
		}
		case 'importance_performance': {
			const importance = scaleAnswer(item.importance, item.allowNa);
			const performance = scaleAnswer(item.performance, item.allowNa);
			const optional = <T>(arb: fc.Arbitrary<T>) => (item.required ? arb : fc.option(arb, { nil: undefined }));
			return fc
				.tuple(optional(importance), optional(performance))
				.filter(([i, p]) => i !== undefined || p !== undefined)
				.map(([i, p]) => ({ kind: item.kind, ...(i === undefined ? {} : { importance: i }), ...(p === undefined ? {} : { performance: p }) }));
		}
		case 'libqual': {
			const level = fc.integer(fixedRanges.libqual);
			const levels = fc.record({ minimum: level, desired: level, perceived: level });
			return (item.allowNa ? fc.oneof(levels, fc.constant('na' as const)) : levels).map((value) => ({ kind: item.kind, value }));
		}
		case 'nps':
		case 'school_grade':
		case 'happy_index':
			return fc.constantFrom(...valuesBetween(fixedRanges[item.kind].min, fixedRanges[item.kind].max)).map((value) => ({ kind: item.kind, value }));
		case 'checklist':
			return fc.constantFrom<'yes' | 'no' | 'na'>(...(item.allowNa ? (['yes', 'no', 'na'] as const) : (['yes', 'no'] as const))).map((value) => ({ kind: item.kind, value }));
		case 'number': {
			const min = item.min ?? -1000;
			const max = item.max ?? 1000;
			const value = item.integer
				? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
				: fc.integer({ min: Math.ceil(min * 4), max: Math.floor(max * 4) }).map((quarter) => quarter / 4);
			return value.map((v) => ({ kind: item.kind, value: v }));
		}
		case 'date': {
			const first = item.min ? isoToDay(item.min) : 0;
			const last = item.max ? isoToDay(item.max) : 4000;
			return fc.integer({ min: first, max: last }).map((day) => ({ kind: item.kind, value: dayToIso(day) }));
		}
		case 'short_text':
		case 'long_text':
			return arbitraryText(item.maxLength ?? textLimits[item.kind]).map((text) => ({ kind: item.kind, text }));
	}
}

function isoToDay(iso: string): number {
	return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2020, 0, 1)) / 86_400_000);
}
