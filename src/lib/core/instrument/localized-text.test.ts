import { describe, expect, it } from 'vitest';
import { localize, missingLanguages } from './localized-text.ts';

describe('localize', () => {
	it('shows the requested language when the text has it', () => {
		expect(localize({ fi: 'Kiitos', sv: 'Tack', en: 'Thank you' }, 'sv', 'fi')).toBe('Tack');
	});

	it('falls back to the base language before Finnish', () => {
		expect(localize({ fi: 'Kiitos', sv: 'Tack' }, 'en', 'sv')).toBe('Tack');
	});

	it('falls back to Finnish, then Swedish, then English when the base language is blank', () => {
		expect(localize({ fi: '  ', sv: 'Tack', en: 'Thanks' }, 'en', 'fi')).toBe('Thanks');
		expect(localize({ sv: 'Tack', en: 'Thanks' }, 'fi', 'fi')).toBe('Tack');
		expect(localize({ en: 'Thanks' }, 'fi', 'sv')).toBe('Thanks');
	});

	it('gives an empty string for a text with no wording at all', () => {
		expect(localize({}, 'fi', 'fi')).toBe('');
		expect(localize(undefined, 'fi', 'fi')).toBe('');
	});
});

describe('missingLanguages', () => {
	it('lists the wanted languages that are absent or blank', () => {
		expect(missingLanguages({ fi: 'Kyllä', sv: '' }, ['fi', 'sv', 'en'])).toEqual(['sv', 'en']);
	});
});
