import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAnswers } from './arbitrary-answers.ts';
import { arbitraryInstrument, arbitraryOptionSources } from './arbitrary-instrument.ts';
import type { Answers } from './answers.ts';
import { checkSubmission } from './check-submission.ts';
import { flattenAnswers, unflattenFacets } from './facets.ts';
import { fieldName, itemFields } from './field-names.ts';
import { answersToFormData } from './form-values.ts';
import { answerableItems, type Instrument } from './instrument.ts';
import { textLimits, type AnswerableItem } from './items.ts';
import { fixedRanges } from './scale.ts';
import { validateInstrument } from './validate.ts';
import { visibleAnswers } from './visibility.ts';

const options = { locale: 'fi', optionSources: arbitraryOptionSources } as const;

/** Raw form data as anything could post it: real field names and junk, odd values, repeats. */
function arbitraryRaw(instrument: Instrument) {
	const names = answerableItems(instrument).flatMap((item) => itemFields(item).map((field) => field.name));
	const key = fc.oneof(fc.constantFrom(...names, 'q.', 'q..', '__proto__', 'constructor', 'toString'), fc.string());
	const scalar = fc.oneof(
		fc.constantFrom('', ' ', 'na', 'other', 'yes', 'no', '0', '1', '4', '10', '11', '-1', '7.5', '3,5', '2025-02-29', '2024-05-01', 'a', 'metso'),
		fc.string({ maxLength: 80 })
	);
	return fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })));
}

describe('instrument properties', () => {
	it('generated definitions of every kind, with show-if, are valid', () => {
		fc.assert(
			fc.property(arbitraryInstrument(), (instrument) => {
				const result = validateInstrument(instrument);
				expect(result.ok ? [] : result.issues).toEqual([]);
			})
		);
	});

	it('never throws on arbitrary raw submissions, and an accepted one is consistent', () => {
		fc.assert(
			fc.property(
				arbitraryInstrument().chain((instrument) => fc.tuple(fc.constant(instrument), arbitraryRaw(instrument))),
				([instrument, raw]) => {
					const result = checkSubmission(instrument, raw, options);
					if (!result.ok) {
						expect(result.issues.length).toBeGreaterThan(0);
						return;
					}
					expect(result.facets).toEqual(flattenAnswers(instrument, result.answers));
					expect(visibleAnswers(instrument, result.answers).answers).toEqual(result.answers);
					const again = checkSubmission(instrument, answersToFormData(instrument, result.answers), options);
					expect(again.answers).toEqual(result.answers);
				}
			)
		);
	});

	it('accepts every valid answer set and round-trips it through form fields and answer rows', () => {
		fc.assert(
			fc.property(
				arbitraryInstrument().chain((instrument) => fc.tuple(fc.constant(instrument), arbitraryAnswers(instrument))),
				([instrument, answers]) => {
					const result = checkSubmission(instrument, answersToFormData(instrument, answers), options);
					expect(result.ok ? [] : result.issues).toEqual([]);
					expect(result.answers).toEqual(answers);
					if (!result.ok) return;
					expect(unflattenFacets(instrument, result.facets)).toEqual(answers);
				}
			)
		);
	});

	it('reports at least one issue on the item when a valid submission is spoiled', () => {
		const spoiled = arbitraryInstrument()
			.chain((instrument) => fc.tuple(fc.constant(instrument), arbitraryAnswers(instrument)))
			.chain(([instrument, answers]) => {
				const targets = spoilable(instrument, answers);
				if (targets.length === 0) return fc.constant(undefined);
				return fc.constantFrom(...targets).map((target) => ({ instrument, answers, target }));
			})
			.filter((value) => value !== undefined);
		fc.assert(
			fc.property(spoiled, ({ instrument, answers, target }) => {
				const raw = spoil(target, answersToFormData(instrument, answers), answers);
				const result = checkSubmission(instrument, raw, options);
				expect(result.ok).toBe(false);
				if (!result.ok) expect(result.issues.map((issue) => issue.itemId)).toContain(target.id);
			})
		);
	});
});

/** Visible items whose answer can be made invalid: every answered item, and unanswered required ones. */
function spoilable(instrument: Instrument, answers: Answers): AnswerableItem[] {
	const { items } = visibleAnswers(instrument, answers);
	return answerableItems(instrument).filter((item) => items.has(item.id) && (item.id in answers || item.required));
}

/** Makes the item's answer invalid: a value it cannot have, or nothing for a required item. */
function spoil(item: AnswerableItem, raw: Record<string, string | string[]>, answers: Answers): Record<string, string | string[]> {
	const spoilt = { ...raw };
	const set = (part: string, value: string | string[]) => (spoilt[fieldName(item.id, part)] = value);
	if (!(item.id in answers)) return spoilt; // required and blank: already invalid
	switch (item.kind) {
		case 'single_choice':
			return (set('', 'not-a-code'), spoilt);
		case 'multiple_choice':
			return (set('', ['not-a-code']), spoilt);
		case 'rating':
			return (set('', String(item.scale.max + 1)), spoilt);
		case 'matrix':
			return (set(item.rows[0]!.id, String(item.scale.max + 1)), spoilt);
		case 'importance_performance':
			return (set('importance', String(item.importance.max + 1)), spoilt);
		case 'libqual':
			delete spoilt[fieldName(item.id, 'na')];
			return (set('minimum', '10'), spoilt);
		case 'nps':
		case 'school_grade':
		case 'happy_index':
			return (set('', String(fixedRanges[item.kind].max + 1)), spoilt);
		case 'checklist':
			return (set('', 'maybe'), spoilt);
		case 'number':
			return (set('', 'lots'), spoilt);
		case 'date':
			return (set('', '2025-02-30'), spoilt);
		case 'short_text':
		case 'long_text':
			return (set('', 'x'.repeat((item.maxLength ?? textLimits[item.kind]) + 1)), spoilt);
	}
}
