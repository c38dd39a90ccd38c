import { describe, expect, it } from 'vitest';
import { chooseLanguage, preferredLanguages } from './language.ts';

describe('chooseLanguage', () => {
	it('takes the first explicit choice the instrument offers', () => {
		expect(chooseLanguage(['fi', 'sv', 'en'], 'fi', [undefined, 'sv', 'en'], 'en')).toBe('sv');
	});

	it('skips an explicit choice the instrument does not offer and falls back to the browser', () => {
		expect(chooseLanguage(['fi', 'sv'], 'fi', ['en', null], 'sv-FI,sv;q=0.9,en;q=0.8')).toBe('sv');
	});

	it('never trusts an unknown value', () => {
		expect(chooseLanguage(['fi', 'sv', 'en'], 'fi', ['"><script>', 'de'], null)).toBe('fi');
	});

	it('ends in the base language, Swedish for a Swedish-speaking municipality', () => {
		expect(chooseLanguage(['sv', 'fi'], 'sv', [], 'de-DE,fr;q=0.5')).toBe('sv');
	});
});

describe('preferredLanguages', () => {
	it('orders primary subtags by weight, keeping header order for ties, without duplicates', () => {
		expect(preferredLanguages('en;q=0.5, sv-FI, fi;q=0.9, sv, *;q=0.1')).toEqual(['sv', 'fi', 'en']);
	});

	it('ignores weight zero and junk', () => {
		expect(preferredLanguages('fi;q=0, en-GB;q=abc, 123, sv;q=0.3')).toEqual(['sv']);
	});
});
