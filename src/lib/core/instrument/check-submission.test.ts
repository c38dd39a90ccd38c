import { describe, expect, it } from 'vitest';
import { checkSubmission, type SubmissionResult } from './check-submission.ts';
import type { RawFormData } from './raw-form.ts';
import type { SubmissionIssue } from './submission-issues.ts';
import { newInstrument, newItem } from './test-builders.ts';
import type { Instrument } from './instrument.ts';

const fi = { locale: 'fi' } as const;

function issues(result: SubmissionResult): Pick<SubmissionIssue, 'itemId' | 'field' | 'code'>[] {
	return result.ok ? [] : result.issues.map(({ itemId, field, code }) => ({ itemId, field, code }));
}

function accepted(instrument: Instrument, raw: RawFormData) {
	const result = checkSubmission(instrument, raw, fi);
	if (!result.ok) throw new Error(`refused: ${result.issues.map((issue) => issue.message).join('; ')}`);
	return result;
}

describe('checkSubmission', () => {
	it('reads every item kind from the form fields into typed answers', () => {
		const instrument = newInstrument([
			newItem.singleChoice('age', ['15-29', '30-44']),
			newItem.multipleChoice('channels', ['desk', 'web', 'chat']),
			newItem.rating('friendliness', { allowNa: true }),
			newItem.matrix('tools', ['computer', 'tablet'], { allowNa: true }),
			newItem.importancePerformance('hours', { allowNa: true }),
			newItem.libqual('space'),
			newItem.nps('recommend'),
			newItem.schoolGrade('grade'),
			newItem.happyIndex('mood'),
			newItem.checklist('greeted', { allowNa: true }),
			newItem.number('visits'),
			newItem.date('visited'),
			newItem.shortText('name'),
			newItem.longText('comment')
		]);
		const result = accepted(instrument, {
			'q.age': '15-29',
			'q.channels': ['web', 'desk'],
			'q.friendliness': 'na',
			'q.tools.computer': '5',
			'q.tools.tablet': 'na',
			'q.hours.importance': '5',
			'q.hours.performance': '2',
			'q.space.minimum': '4',
			'q.space.desired': '8',
			'q.space.perceived': '6',
			'q.recommend': '10',
			'q.grade': '9',
			'q.mood': '4',
			'q.greeted': 'yes',
			'q.visits': '2,5',
			'q.visited': '2025-03-01',
			'q.name': '  Metso ',
			'q.comment': 'Kiitos!\r\nHyvää palvelua.'
		});
		expect(result.answers).toEqual({
			age: { kind: 'single_choice', code: '15-29' },
			channels: { kind: 'multiple_choice', codes: ['desk', 'web'] },
			friendliness: { kind: 'rating', value: 'na' },
			tools: { kind: 'matrix', rows: { computer: 5, tablet: 'na' } },
			hours: { kind: 'importance_performance', importance: 5, performance: 2 },
			space: { kind: 'libqual', value: { minimum: 4, desired: 8, perceived: 6 } },
			recommend: { kind: 'nps', value: 10 },
			grade: { kind: 'school_grade', value: 9 },
			mood: { kind: 'happy_index', value: 4 },
			greeted: { kind: 'checklist', value: 'yes' },
			visits: { kind: 'number', value: 2.5 },
			visited: { kind: 'date', value: '2025-03-01' },
			name: { kind: 'short_text', text: 'Metso' },
			comment: { kind: 'long_text', text: 'Kiitos!\nHyvää palvelua.' }
		});
		expect(result.language).toBe('fi');
	});

	it('requires a required item that was left blank, linking to its field', () => {
		const instrument = newInstrument([newItem.happyIndex('mood', { required: true }), newItem.matrix('m', ['a', 'b'], { required: true })]);
		expect(issues(checkSubmission(instrument, { 'q.mood': ' ' }, fi))).toEqual([
			{ itemId: 'mood', field: 'q.mood', code: 'required' },
			{ itemId: 'm', field: 'q.m.a', code: 'required' }
		]);
	});

	it('asks for every row of a required matrix that is partly answered', () => {
		const instrument = newInstrument([newItem.matrix('m', ['a', 'b', 'c'], { required: true })]);
		const result = checkSubmission(instrument, { 'q.m.a': '3' }, fi);
		expect(issues(result)).toEqual([{ itemId: 'm', field: 'q.m.b', code: 'incomplete' }]);
		expect(result.ok ? {} : result.issues[0]!.params).toEqual({ missing: 2 });
	});

	it('does not require, and drops answers to, items hidden by show-if', () => {
		const instrument = newInstrument([
			newItem.singleChoice('uses_chat', ['yes', 'no'], { required: true }),
			newItem.rating('chat_quality', { required: true, showIf: { equals: ['uses_chat', 'yes'] } })
		]);
		const result = accepted(instrument, { 'q.uses_chat': 'no', 'q.chat_quality': 'not even a number' });
		expect(result.answers).toEqual({ uses_chat: { kind: 'single_choice', code: 'no' } });
		expect(result.facets.map((facet) => facet.itemId)).toEqual(['uses_chat']);
	});

	it('refuses values that are not options, outside the scale, or N/A where N/A is not offered', () => {
		const instrument = newInstrument([
			newItem.singleChoice('age', ['15-29']),
			newItem.rating('r'),
			newItem.rating('s'),
			newItem.schoolGrade('grade'),
			newItem.checklist('c')
		]);
		const result = checkSubmission(instrument, { 'q.age': '99', 'q.r': '6', 'q.s': 'na', 'q.grade': '7.5', 'q.c': 'na' }, fi);
		expect(issues(result).map((issue) => [issue.itemId, issue.code])).toEqual([
			['age', 'not_an_option'],
			['r', 'out_of_range'],
			['s', 'not_an_option'],
			['grade', 'not_an_option'],
			['c', 'not_an_option']
		]);
	});

	it('refuses two different values for a one-value field', () => {
		const instrument = newInstrument([newItem.rating('r')]);
		expect(issues(checkSubmission(instrument, { 'q.r': ['2', '4'] }, fi))).toEqual([{ itemId: 'r', field: 'q.r', code: 'multiple_values' }]);
		expect(checkSubmission(instrument, { 'q.r': ['4', '4'] }, fi).ok).toBe(true);
	});

	it('checks numbers, whole numbers and their limits, reading a decimal comma', () => {
		const instrument = newInstrument([
			newItem.number('a', { min: 0, max: 10 }),
			newItem.number('b', { integer: true }),
			newItem.number('c'),
			newItem.number('d', { min: 0, max: 10 })
		]);
		const result = checkSubmission(instrument, { 'q.a': '10,5', 'q.b': '1,5', 'q.c': 'kaksi', 'q.d': '−0' }, fi);
		expect(issues(result).map((issue) => [issue.itemId, issue.code])).toEqual([
			['a', 'out_of_range'],
			['b', 'not_a_whole_number'],
			['c', 'not_a_number']
		]);
	});

	it('checks dates exist and fall within the limits', () => {
		const instrument = newInstrument([newItem.date('a'), newItem.date('b', { min: '2025-01-01', max: '2025-12-31' })]);
		const result = checkSubmission(instrument, { 'q.a': '2025-02-29', 'q.b': '2026-01-01' }, fi);
		expect(issues(result).map((issue) => [issue.itemId, issue.code])).toEqual([
			['a', 'not_a_date'],
			['b', 'out_of_range']
		]);
	});

	it('counts a line break as one character against the text limit', () => {
		const instrument = newInstrument([newItem.longText('t', { maxLength: 3 })]);
		expect(checkSubmission(instrument, { 'q.t': 'a\r\nb' }, fi).ok).toBe(true);
		expect(issues(checkSubmission(instrument, { 'q.t': 'a\r\nbc' }, fi))).toEqual([{ itemId: 't', field: 'q.t', code: 'too_long' }]);
	});

	it('enforces the selection limits of a multiple choice', () => {
		const instrument = newInstrument([
			newItem.multipleChoice('few', ['a', 'b', 'c'], { minSelections: 2 }),
			newItem.multipleChoice('many', ['a', 'b', 'c'], { maxSelections: 2 })
		]);
		const result = checkSubmission(instrument, { 'q.few': 'a', 'q.many': ['a', 'b', 'c'] }, fi);
		expect(issues(result).map((issue) => issue.code)).toEqual(['too_few_selections', 'too_many_selections']);
	});

	it('takes text typed in "other, what?" as choosing other, and ignores it beside another choice', () => {
		const other = { label: { fi: 'Muu, mikä?' } };
		const instrument = newInstrument([
			newItem.singleChoice('a', ['x', 'y'], { other }),
			newItem.singleChoice('b', ['x', 'y'], { other }),
			newItem.multipleChoice('c', ['x', 'y'], { other })
		]);
		const result = accepted(instrument, { 'q.a.other': 'Kirjastoauto', 'q.b': 'x', 'q.b.other': 'unohtui', 'q.c': 'y', 'q.c.other': 'Kotipalvelu' });
		expect(result.answers).toEqual({
			a: { kind: 'single_choice', code: 'other', otherText: 'Kirjastoauto' },
			b: { kind: 'single_choice', code: 'x' },
			c: { kind: 'multiple_choice', codes: ['y', 'other'], otherText: 'Kotipalvelu' }
		});
	});

	it('lets N/A override all three LibQUAL levels and refuses a partial triple', () => {
		const instrument = newInstrument([newItem.libqual('a', { allowNa: true }), newItem.libqual('b')]);
		const result = checkSubmission(instrument, { 'q.a.na': 'on', 'q.a.minimum': '3', 'q.b.minimum': '3', 'q.b.perceived': '5' }, fi);
		expect(result.answers.a).toEqual({ kind: 'libqual', value: 'na' });
		expect(issues(result)).toEqual([{ itemId: 'b', field: 'q.b.desired', code: 'incomplete' }]);
	});

	it('checks options filled at run time against the study libraries it is given', () => {
		const instrument = newInstrument([newItem.singleChoice('home', [], { options: undefined, optionsFrom: 'libraries', segment: 'home_library' })]);
		const libraries = [{ code: 'metso', label: { fi: 'Metso' } }];
		const result = checkSubmission(instrument, { 'q.home': 'metso' }, { locale: 'sv', optionSources: { libraries } });
		expect(result.ok && result.segments).toEqual({ home_library: 'metso' });
		expect(issues(checkSubmission(instrument, { 'q.home': 'metso' }, fi))).toEqual([{ itemId: 'home', field: 'q.home', code: 'not_an_option' }]);
	});

	it('requires nothing on a partial save but still checks what was given', () => {
		const instrument = newInstrument([newItem.nps('a', { required: true }), newItem.nps('b')]);
		expect(checkSubmission(instrument, {}, { ...fi, partial: true }).ok).toBe(true);
		expect(issues(checkSubmission(instrument, { 'q.b': '11' }, { ...fi, partial: true }))).toEqual([{ itemId: 'b', field: 'q.b', code: 'out_of_range' }]);
	});

	it('checks only the sections of the current page, reading earlier pages for show-if', () => {
		const instrument = newInstrument([], {
			sections: [
				{ id: 'p1', title: { fi: '1' }, items: [newItem.singleChoice('staff', ['yes', 'no'], { required: true }), newItem.nps('broken')] },
				{ id: 'p2', title: { fi: '2' }, items: [newItem.nps('x', { required: true, showIf: { equals: ['staff', 'yes'] } })] }
			]
		});
		const result = checkSubmission(instrument, { 'q.staff': 'yes', 'q.broken': '99' }, { ...fi, sections: ['p2'] });
		expect(issues(result)).toEqual([{ itemId: 'x', field: 'q.x', code: 'required' }]);
		expect(checkSubmission(instrument, { 'q.staff': 'no' }, { ...fi, sections: ['p2'] }).ok).toBe(true);
	});

	it('ignores fields that are not answers to items of this instrument', () => {
		const instrument = newInstrument([newItem.nps('a')]);
		const result = accepted(instrument, { submissionId: 'abc', 'q.unknown': '3', 'q.a.bogus': 'x', 'q.': 'y', 'q.a': '7' });
		expect(result.answers).toEqual({ a: { kind: 'nps', value: 7 } });
	});

	it('returns answer rows and segment values with an accepted submission', () => {
		const instrument = newInstrument([
			newItem.singleChoice('age', ['15-29', '30-44'], { segment: 'age_band' }),
			newItem.multipleChoice('langs', ['fi', 'sv', 'en'], { segment: 'language' }),
			newItem.rating('friendliness')
		]);
		const result = accepted(instrument, { 'q.age': '15-29', 'q.langs': ['sv', 'fi'], 'q.friendliness': '4' });
		expect(result.segments).toEqual({ age_band: '15-29', language: 'fi,sv' });
		expect(result.facets).toEqual([
			{ itemId: 'age', facet: '', optionCode: '15-29', isNa: false },
			{ itemId: 'langs', facet: 'fi', optionCode: 'fi', isNa: false },
			{ itemId: 'langs', facet: 'sv', optionCode: 'sv', isNa: false },
			{ itemId: 'friendliness', facet: '', numberValue: 4, isNa: false }
		]);
	});
});
