import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import { flattenAnswers, segmentValues, unflattenFacets } from './facets.ts';
import { answersToFormData } from './form-values.ts';
import { checkSubmission } from './check-submission.ts';
import { newInstrument, newItem } from './test-builders.ts';

const instrument = newInstrument([
	newItem.singleChoice('age', ['15-29', '45-64'], { segment: 'age_band', other: { label: { fi: 'Muu' } } }),
	newItem.multipleChoice('channels', ['desk', 'web', 'chat'], { other: { label: { fi: 'Muu' } } }),
	newItem.matrix('tools', ['computer', 'tablet', 'phone'], { allowNa: true }),
	newItem.importancePerformance('hours', { allowNa: true }),
	newItem.libqual('space', { allowNa: true }),
	newItem.checklist('greeted', { allowNa: true, weight: 2 }),
	newItem.checklist('named'),
	newItem.date('visited'),
	newItem.longText('comment')
]);

const answers: Answers = {
	age: { kind: 'single_choice', code: 'other', otherText: '90+' },
	channels: { kind: 'multiple_choice', codes: ['desk', 'chat', 'other'], otherText: 'Kirjastoauto' },
	tools: { kind: 'matrix', rows: { tablet: 'na', computer: 2 } },
	hours: { kind: 'importance_performance', performance: 4 },
	space: { kind: 'libqual', value: 'na' },
	greeted: { kind: 'checklist', value: 'na' },
	named: { kind: 'checklist', value: 'no' },
	visited: { kind: 'date', value: '2025-05-02' },
	comment: { kind: 'long_text', text: 'Hyvä' }
};

describe('flattenAnswers', () => {
	it('makes one row per item and facet, in document and row order', () => {
		expect(flattenAnswers(instrument, answers)).toEqual([
			{ itemId: 'age', facet: '', optionCode: 'other', isNa: false, text: '90+' },
			{ itemId: 'channels', facet: 'desk', optionCode: 'desk', isNa: false },
			{ itemId: 'channels', facet: 'chat', optionCode: 'chat', isNa: false },
			{ itemId: 'channels', facet: 'other', optionCode: 'other', isNa: false, text: 'Kirjastoauto' },
			{ itemId: 'tools', facet: 'computer', numberValue: 2, isNa: false },
			{ itemId: 'tools', facet: 'tablet', isNa: true },
			{ itemId: 'hours', facet: 'performance', numberValue: 4, isNa: false },
			{ itemId: 'space', facet: 'minimum', isNa: true },
			{ itemId: 'space', facet: 'desired', isNa: true },
			{ itemId: 'space', facet: 'perceived', isNa: true },
			{ itemId: 'greeted', facet: '', isNa: true },
			{ itemId: 'named', facet: '', optionCode: 'no', numberValue: 0, isNa: false },
			{ itemId: 'visited', facet: '', dateValue: '2025-05-02', isNa: false },
			{ itemId: 'comment', facet: '', text: 'Hyvä', isNa: false }
		]);
	});

	it('skips answers to items the instrument does not have or of another kind', () => {
		expect(flattenAnswers(instrument, { gone: { kind: 'nps', value: 3 }, comment: { kind: 'nps', value: 3 } })).toEqual([]);
	});
});

describe('unflattenFacets', () => {
	it('gives back the answers the rows were made from', () => {
		expect(unflattenFacets(instrument, flattenAnswers(instrument, answers))).toEqual(answers);
	});
});

describe('segmentValues', () => {
	it('copies the codes of segment items, other included', () => {
		expect(segmentValues(instrument, answers)).toEqual({ age_band: 'other' });
		expect(segmentValues(instrument, {})).toEqual({});
	});
});

describe('answersToFormData', () => {
	it('produces the fields that post the same answers again', () => {
		const raw = answersToFormData(instrument, answers);
		expect(raw).toMatchObject({ 'q.age': 'other', 'q.age.other': '90+', 'q.tools.tablet': 'na', 'q.space.na': 'on' });
		const result = checkSubmission(instrument, raw, { locale: 'fi' });
		expect(result.answers).toEqual(answers);
	});
});
