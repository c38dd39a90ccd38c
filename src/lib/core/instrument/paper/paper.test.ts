import { describe, expect, it } from 'vitest';
import { checkSubmission } from '../check-submission.ts';
import { newInstrument, newItem } from '../test-builders.ts';
import { customerServiceSurvey } from '../templates/customer-service-survey.ts';
import { paperEntryToRaw } from './paper-entry.ts';
import { paperLayout } from './paper-layout.ts';

const instrument = newInstrument([
	newItem.info('intro'),
	newItem.singleChoice('topic', ['loans', 'help'], { other: { label: { fi: 'Muu' } } }),
	newItem.multipleChoice('channels', ['web', 'chat', 'phone']),
	newItem.matrix('service', ['friendly', 'quick'], { allowNa: true }),
	newItem.libqual('lq', { allowNa: true }),
	newItem.checklist('greeted', { allowNa: true }),
	newItem.date('visited'),
	newItem.nps('nps')
]);

describe('paperLayout', () => {
	it('numbers answerable items in order, letters the rows, and leaves info blocks unnumbered', () => {
		const layout = paperLayout(instrument);
		expect(layout.map((entry) => entry.number)).toEqual(['', '1', '2', '3', '4', '5', '6', '7']);
		expect(layout[3]!.fields.map((field) => [field.number, field.name])).toEqual([
			['3a', 'q.service.friendly'],
			['3b', 'q.service.quick']
		]);
		expect(layout[1]!.fields[0]!.choices.map((choice) => `${choice.key}=${choice.value}`)).toEqual(['1=loans', '2=help', '3=other']);
		expect(layout[3]!.fields[0]!.choices.map((choice) => choice.key)).toEqual(['1', '2', '3', '4', '5', 'n']);
	});

	it('numbers the customer-service template without gaps', () => {
		const numbers = paperLayout(customerServiceSurvey()).flatMap((entry) => (entry.number ? [Number(entry.number)] : []));
		expect(numbers).toEqual(numbers.map((_, index) => index + 1));
	});
});

describe('paperEntryToRaw', () => {
	const layout = paperLayout(instrument);

	it('turns typed keys into the answers the checker accepts', () => {
		const typed = {
			'q.topic': '2',
			'q.channels': '1, 3',
			'q.service.friendly': '5',
			'q.service.quick': 'N',
			'q.lq.minimum': 'n',
			'q.greeted': '1',
			'q.visited': '3.2.2026',
			'q.nps': '10'
		};
		const result = checkSubmission(instrument, paperEntryToRaw(layout, typed), { locale: 'fi' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.answers).toEqual({
			topic: { kind: 'single_choice', code: 'help' },
			channels: { kind: 'multiple_choice', codes: ['web', 'phone'] },
			service: { kind: 'matrix', rows: { friendly: 5, quick: 'na' } },
			lq: { kind: 'libqual', value: 'na' },
			greeted: { kind: 'checklist', value: 'yes' },
			visited: { kind: 'date', value: '2026-02-03' },
			nps: { kind: 'nps', value: 10 }
		});
	});

	it('passes unknown keys on so the checker names the field', () => {
		const result = checkSubmission(instrument, paperEntryToRaw(layout, { 'q.topic': '7', 'q.service.friendly': '9' }), { locale: 'fi' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues.map((issue) => issue.field)).toEqual(['q.topic', 'q.service.friendly']);
	});
});
