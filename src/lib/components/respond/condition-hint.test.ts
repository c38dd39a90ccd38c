import { describe, expect, it } from 'vitest';
import { newInstrument, newItem } from '#lib/core/instrument/test-builders.ts';
import { customerServiceSurvey } from '#lib/core/instrument/templates/customer-service-survey.ts';
import { describeCondition, type HintContext } from './condition-hint.ts';

const survey = customerServiceSurvey();
const context = (lang: 'fi' | 'sv' | 'en'): HintContext => ({ instrument: survey, lang, base: 'fi', sources: {} });

describe('describeCondition', () => {
	it('names the question and the chosen answers of an `in` condition, in the page language', () => {
		const hint = describeCondition({ in: ['channels', ['chat', 'email']] }, context('sv'));
		expect(hint).toEqual({ kind: 'chose', question: 'Vilka av bibliotekets tjänster och kanaler har du använt under det senaste året?', answers: ['Chatten', 'E-post'] });
	});

	it('labels scale values and N/A, and names a matrix row as the question', () => {
		const instrument = newInstrument([
			newItem.matrix('staff', ['friendly'], { allowNa: true, scale: { min: 1, max: 3, pointLabels: [{ fi: 'Huono' }, { fi: 'Ok' }, { fi: 'Hyvä' }] } }),
			newItem.shortText('why')
		]);
		const hint = describeCondition({ in: ['staff.friendly', [1, 'na']] }, { instrument, lang: 'fi', base: 'fi', sources: {} });
		expect(hint).toEqual({ kind: 'chose', question: 'friendly', answers: ['1 (Huono)', 'En osaa sanoa'] });
	});

	it('says "if you answered" for `answered`', () => {
		expect(describeCondition({ answered: 'age_band' }, context('en'))).toEqual({ kind: 'answered', question: 'Your age' });
	});

	it('falls back to a general sentence for compound conditions and unknown items', () => {
		expect(describeCondition({ not: { equals: ['age_band', '15-29'] } }, context('fi')).kind).toBe('general');
		expect(describeCondition({ and: [{ answered: 'age_band' }] }, context('fi')).kind).toBe('general');
		expect(describeCondition({ equals: ['nothing', 'x'] }, context('fi')).kind).toBe('general');
	});
});
