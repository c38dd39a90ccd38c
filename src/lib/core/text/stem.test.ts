import { describe, expect, it } from 'vitest';
import { normalise, tokenise } from './normalise.ts';
import { clusterStems, stemWord } from './stem.ts';
import { isStopWord } from './stop-words.ts';

/** The group root each word ends up in, stemming and clustering as the analysis does. */
function roots(words: string[], language: 'fi' | 'sv' | 'en'): string[] {
	const stems = words.map((word) => stemWord(normalise(word), language));
	const rootOf = clusterStems(stems);
	return stems.map((stem) => rootOf.get(stem)!);
}

describe('normalise and tokenise', () => {
	it('makes decomposed letters (a + combining diaeresis) the same as precomposed ones', () => {
		expect(normalise('Ysta\u0308va\u0308llinen')).toBe('ystävällinen');
	});

	it('splits words, keeps inner hyphens and apostrophes, and numbers clauses at punctuation', () => {
		expect(tokenise('E-kirjat: hyvä valikoima. Library’s staff!')).toEqual([
			{ word: 'e-kirjat', clause: 0, start: 0, end: 8 },
			{ word: 'hyvä', clause: 1, start: 10, end: 14 },
			{ word: 'valikoima', clause: 1, start: 15, end: 24 },
			{ word: "library's", clause: 2, start: 26, end: 35 },
			{ word: 'staff', clause: 2, start: 36, end: 41 }
		]);
	});
});

describe('stemming Finnish library feedback', () => {
	it('puts the inflected and derived forms of ystävällinen together', () => {
		const result = roots(['ystävällinen', 'ystävällistä', 'ystävällisesti', 'ystävällisiä', 'Ystävällisen'], 'fi');
		expect(new Set(result).size).toBe(1);
	});

	it('puts the cases of henkilökunta, aukioloaika (with consonant gradation) and automaatti together', () => {
		for (const words of [
			['henkilökunta', 'henkilökunnan', 'henkilökuntaa', 'henkilökunnalta'],
			['aukioloaika', 'aukioloajat', 'aukioloaikoja', 'aukioloaikojen'],
			['automaatti', 'automaatilla', 'automaatit'],
			['lainaaminen', 'lainaamiseen'],
			['ammattitaitoinen', 'ammattitaitoista', 'ammattitaitoisesti']
		]) {
			expect(new Set(roots(words, 'fi')), words.join(', ')).toHaveProperty('size', 1);
		}
	});

	it('keeps different words apart: palaute (feedback) and palautus (return), kirja and kirjasto', () => {
		const [palaute, palautus] = roots(['palautetta', 'palautukset'], 'fi');
		expect(palaute).not.toBe(palautus);
		const [kirja, kirjasto] = roots(['kirjoja', 'kirjastossa'], 'fi');
		expect(kirja).not.toBe(kirjasto);
	});

	it('does not chain groups: each stem is compared with the roots only', () => {
		// a~b (shared 7, tails 0 and 3) and b~c (shared 10, tails 0 and 3), but a and c differ by 6.
		const rootOf = clusterStems(['abcdefg', 'abcdefgxyz', 'abcdefgxyzuvw']);
		expect(rootOf.get('abcdefgxyz')).toBe('abcdefg');
		expect(rootOf.get('abcdefgxyzuvw')).toBe('abcdefgxyzuvw');
	});
});

describe('stemming Swedish and English', () => {
	it('puts Swedish forms together', () => {
		expect(new Set(roots(['vänlig', 'vänliga', 'vänligt'], 'sv')).size).toBe(1);
		expect(new Set(roots(['öppettider', 'öppettiderna'], 'sv')).size).toBe(1);
		expect(new Set(roots(['personal', 'personalen'], 'sv')).size).toBe(1);
	});

	it('puts English forms together, possessives included', () => {
		expect(new Set(roots(['borrowing', 'borrowed', 'borrow'], 'en')).size).toBe(1);
		expect(new Set(roots(["staff's", 'staff'], 'en')).size).toBe(1);
	});
});

describe('stop words', () => {
	it('holds the Snowball function words and the feedback fillers, not content words', () => {
		expect(['oli', 'ja', 'minua', 'todella', 'kiitos'].every((word) => isStopWord(word, 'fi'))).toBe(true);
		expect(['och', 'personalen'].map((word) => isStopWord(word, 'sv'))).toEqual([true, false]);
		expect(['the', "don't", 'staff'].map((word) => isStopWord(word, 'en'))).toEqual([true, true, false]);
		expect(isStopWord('aukioloajat', 'fi')).toBe(false);
		// Quantities say what is wanted more of, not what: "Enemmän e-kirjoja" is about e-books.
		expect(['enemmän', 'lisää'].every((word) => isStopWord(word, 'fi'))).toBe(true);
		expect(isStopWord('e-kirjoja', 'fi')).toBe(false);
	});
});
