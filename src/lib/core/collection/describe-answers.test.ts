import { describe, expect, it } from 'vitest';
import { newInstrument, newItem } from '../instrument/test-builders.ts';
import { describeAnswers } from './describe-answers.ts';

describe('describeAnswers', () => {
	const instrument = newInstrument(
		[
			newItem.singleChoice('visit', ['desk', 'web'], { other: { label: { fi: 'Muu', en: 'Other' } } }),
			newItem.libqual('range'),
			newItem.happyIndex('mood'),
			newItem.checklist('greeted', { allowNa: true }),
			newItem.number('visits', { unit: { fi: 'kertaa', en: 'times' } }),
			newItem.importancePerformance('signs'),
			{ ...newItem.singleChoice('home', []), options: undefined, optionsFrom: 'libraries' }
		],
		{ languages: ['fi', 'en'] }
	);

	it('words each answer in the reader language, falling back to the base language', () => {
		const described = describeAnswers(
			instrument,
			{
				visit: { kind: 'single_choice', code: 'other', otherText: 'puhelin' },
				range: { kind: 'libqual', value: { minimum: 3, desired: 8, perceived: 6 } },
				mood: { kind: 'happy_index', value: 4 },
				greeted: { kind: 'checklist', value: 'na' },
				visits: { kind: 'number', value: 12 },
				signs: { kind: 'importance_performance', importance: 5, performance: 'na' },
				home: { kind: 'single_choice', code: 'metso' }
			},
			'en',
			{ libraries: [{ code: 'metso', label: { fi: 'Metso' } }] }
		);
		expect(described.map((item) => [item.itemId, item.lines])).toEqual([
			['visit', [{ value: 'Other puhelin' }]],
			['range', [{ label: 'Minimum', value: '3' }, { label: 'Desired', value: '8' }, { label: 'Perceived', value: '6' }]],
			['mood', [{ value: '4 – Very happy' }]],
			['greeted', [{ value: 'Not applicable' }]],
			['visits', [{ value: '12 times' }]],
			['signs', [{ label: 'Importance', value: '5 – Tärkeä' }, { label: 'Performance', value: "Don't know" }]],
			['home', [{ value: 'Metso' }]]
		]);
		expect(described[0]?.question).toBe('Kysymys visit');
	});

	it('leaves out unanswered items and answers of the wrong kind', () => {
		expect(describeAnswers(instrument, { mood: { kind: 'nps', value: 3 } }, 'fi')).toEqual([]);
	});
});
