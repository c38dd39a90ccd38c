import { describe, expect, it } from 'vitest';
import { formatDifference, formatFigure, formatP, formatValue, type FigureWords } from './format.ts';

const words: FigureWords = {
	interval: (low, high) => `(95 % lv. ${low}–${high})`,
	suppressed: (reason, size) => (reason === 'small' ? `alle ${size} vastausta` : 'piilotettu'),
	percentagePoints: (value) => `${value} prosenttiyksikköä`
};
const nbsp = '\u00a0';

describe('report figures as text', () => {
	it('writes shares as whole percentages in the locale, each rounded on its own', () => {
		expect(formatValue('share', 61.5, 'fi')).toBe(`62${nbsp}%`);
		expect(formatValue('top2', 61.49, 'sv')).toBe(`61${nbsp}%`);
		expect(formatValue('response_rate', 7, 'en')).toBe('7%');
	});

	it('gives means one decimal and signs to gaps and NPS', () => {
		expect(formatValue('mean', 3.849, 'fi')).toBe('3,8');
		expect(formatValue('mean', 3.85, 'en')).toBe('3.9');
		expect(formatValue('gap', -0.84, 'fi')).toBe('−0,8');
		expect(formatValue('gap', 0.84, 'en')).toBe('+0.8');
		expect(formatValue('nps', 12, 'sv')).toBe('+12');
		expect(formatValue('respondents', 1934, 'fi')).toBe(`1${nbsp}934`);
	});

	it('adds the interval in the words of the language, bounds without the unit', () => {
		expect(formatFigure('top2', { value: 66.4, n: 212, interval: { low: 60.8, high: 71.6 } }, { locale: 'fi', words, minGroupSize: 5 })).toBe(
			`66${nbsp}% (95 % lv. 61–72)`
		);
		expect(formatFigure('mean', { value: 4.2, n: 30 }, { locale: 'fi', words, minGroupSize: 5 })).toBe('4,2');
		expect(
			formatFigure('mean', { value: 4.2, n: 30, interval: { low: 4, high: 4.4 } }, { locale: 'fi', words, minGroupSize: 5, withInterval: false })
		).toBe('4,2');
	});

	it('words a suppressed figure without any number but the minimum group size', () => {
		expect(formatFigure('share', { suppressed: 'small' }, { locale: 'fi', words, minGroupSize: 5 })).toBe('alle 5 vastausta');
		expect(formatFigure('share', { suppressed: 'complementary' }, { locale: 'fi', words, minGroupSize: 5 })).toBe('piilotettu');
	});

	it('writes differences of percentages in percentage points, others on the scale', () => {
		expect(formatDifference('top2', 10.9, 'fi', words)).toBe('+11 prosenttiyksikköä');
		expect(formatDifference('mean', -0.25, 'en', words)).toBe('-0.3');
	});

	it('writes p-values with two decimals, three under 0.01 and as "< 0.001" below that', () => {
		expect(formatP(0.0271, 'en')).toBe('p = 0.03');
		expect(formatP(0.0042, 'fi')).toBe('p = 0,004');
		expect(formatP(0.00004, 'sv')).toBe('p < 0,001');
	});
});
