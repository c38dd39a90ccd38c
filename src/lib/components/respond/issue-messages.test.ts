import { describe, expect, it } from 'vitest';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import { errorsFromIssues, issueMessage, summaryText } from './issue-messages.ts';

describe('respondent error messages', () => {
	const instrument = newInstrument([
		newItem.rating('service', { required: true, text: { fi: 'Palvelu oli hyvää.', sv: 'Servicen var bra.' } }),
		newItem.matrix('staff', ['friendly', 'expert'], { required: true }),
		newItem.number('visits', { min: 0, max: 365, text: { fi: 'Montako käyntiä?' } }),
		newItem.date('when', { min: '2026-01-01', max: '2026-12-31' })
	]);

	it('gives one localised message per field and a summary entry naming the question and the row', () => {
		const checked = checkSubmission(instrument, { 'q.staff.friendly': '3', 'q.visits': '400', 'q.when': '2025-05-31' }, { locale: 'fi' });
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		const { errors, summary } = errorsFromIssues(checked.issues, instrument, 'sv', 'fi');
		expect(errors).toEqual({
			'q.service': 'Svara på den här frågan.',
			'q.staff.expert': 'Svaret är ofullständigt: svara på varje del.',
			'q.visits': 'Ange ett värde mellan 0 och 365.',
			'q.when': 'Ange ett värde mellan 1.1.2026 och 31.12.2026.'
		});
		expect(summary.map((entry) => entry.field)).toEqual(['q.service', 'q.staff.expert', 'q.visits', 'q.when']);
		expect(summary[0]!.text).toBe('Servicen var bra: Svara på den här frågan.');
		expect(summary[1]!.text).toBe('Matriisi staff – expert: Svaret är ofullständigt: svara på varje del.');
		expect(summary[2]!.text).toBe('Montako käyntiä? Ange ett värde mellan 0 och 365.');
	});

	it('has a message for every issue code in every language', () => {
		const codes = ['required', 'incomplete', 'multiple_values', 'not_an_option', 'out_of_range', 'not_a_number', 'not_a_whole_number', 'not_a_date', 'too_few_selections', 'too_many_selections', 'too_long'] as const;
		for (const lang of ['fi', 'sv', 'en'] as const) {
			for (const code of codes) {
				const text = issueMessage({ itemId: 'x', field: 'q.x', code, params: { min: 1, max: 2 }, message: '' }, lang);
				expect(text, `${code} in ${lang}`).toMatch(/\S/);
				expect(text).not.toMatch(/\{|undefined/);
			}
		}
	});

	it('joins question and problem without doubled punctuation', () => {
		expect(summaryText('Staff are friendly.', 'Please answer.')).toBe('Staff are friendly: Please answer.');
		expect(summaryText('How often?', 'Please answer.')).toBe('How often? Please answer.');
		expect(summaryText('Your age', 'Please answer.')).toBe('Your age: Please answer.');
	});
});
