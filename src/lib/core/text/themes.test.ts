import { describe, expect, it } from 'vitest';
import { analyseAnswers, keyPhrases, type TextAnswer } from './key-phrases.ts';
import { displayQuote, maxQuoteLength, pickQuotes } from './quotes.ts';
import { extractThemes, noOverrides, resolveMerge, type ThemeOverrides } from './themes.ts';

/** Realistic answers to "Mitä meidän pitäisi kehittää kirjaston asiakaspalvelussa?" */
const feedback = [
	'Henkilökunta oli todella ystävällistä!', // 1
	'Ystävällinen henkilökunta, kiitos.', // 2
	'Minua neuvottiin ystävällisesti ja nopeasti.', // 3
	'Aukioloajat voisivat olla pidemmät iltaisin.', // 4
	'Aukioloaikoja pitäisi pidentää viikonloppuisin.', // 5
	'Lisää aukioloaikoja lauantaisin, kiitos', // 6
	'Lainaaminen automaatilla oli hankalaa.', // 7
	'Lainausautomaatti ei toiminut, lainaaminen automaatilla vaikeaa', // 8
	'Automaatit eivät aina toimi.', // 9
	'Enemmän uusia lehtiä ja kirjoja.', // 10
	'Hyvä', // 11
	'Soittakaa minulle 040 123 4567, henkilökunta oli ystävällistä' // 12
];
const answers = (texts: string[], language: TextAnswer['language'] = 'fi'): TextAnswer[] =>
	texts.map((text, index) => ({ key: String(index + 1), text, language }));
const overrides = (partial: Partial<ThemeOverrides>): ThemeOverrides => ({ ...noOverrides, ...partial });

describe('extractThemes on Finnish library feedback', () => {
	const themes = extractThemes(answers(feedback), noOverrides);

	it('finds the three themes, inflected forms grouped, with counts of the answers that mention them', () => {
		expect(themes.map(({ label, count }) => ({ label, count }))).toEqual([
			// ystävällinen / ystävällistä / ystävällisesti: answers 1, 2, 3 and 12.
			// Labelled by the phrase most answers share, as written ("ystävällinen henkilökunta";
			// "henkilökunta oli todella ystävällistä" is the same phrase but longer).
			{ label: 'Ystävällinen henkilökunta', count: 4 },
			// aukioloajat / aukioloaikoja: answers 4, 5, 6.
			{ label: 'Aukioloaikoja', count: 3 },
			// automaatilla / automaatit / lainausautomaatti ei (a compound: its own stem) — 7, 8, 9.
			{ label: 'Lainaaminen automaatilla', count: 3 }
		]);
	});

	it('quotes the shortest informative answers, masked, and never a quote with a phone number in clear', () => {
		expect(themes[0]!.quotes).toEqual(['Ystävällinen henkilökunta, kiitos.', 'Henkilökunta oli todella ystävällistä!', 'Minua neuvottiin ystävällisesti ja nopeasti.']);
		const all = extractThemes(answers(feedback), noOverrides, { quotesPerTheme: 10 }).flatMap((theme) => theme.quotes);
		expect(all).toContain('Soittakaa minulle [puhelinnumero], henkilökunta oli ystävällistä');
		expect(all.join(' ')).not.toMatch(/\d{3}/);
	});

	it('returns as many themes as asked, and none from answers that share no words', () => {
		expect(extractThemes(answers(feedback), noOverrides, { top: 1 })).toHaveLength(1);
		expect(extractThemes(answers(['Hyvä', 'Kiitos!', 'Ei mitään.']), noOverrides)).toEqual([]);
		expect(extractThemes([], noOverrides)).toEqual([]);
	});

	it('masks quotes in the reader language', () => {
		const quotes = extractThemes(answers(feedback), noOverrides, { quotesPerTheme: 10, locale: 'en' }).flatMap((theme) => theme.quotes);
		expect(quotes).toContain('Soittakaa minulle [phone number], henkilökunta oli ystävällistä');
	});
});

describe('coordinators’ overrides', () => {
	const base = extractThemes(answers(feedback), noOverrides, { top: 5 });
	const key = (label: string) => base.find((theme) => theme.label === label)!.key;

	it('renames a theme', () => {
		const themes = extractThemes(answers(feedback), overrides({ renames: { [key('Aukioloaikoja')]: 'Aukioloajat' } }));
		expect(themes[1]).toMatchObject({ label: 'Aukioloajat', count: 3 });
	});

	it('merges a theme into another: the target holds both sets of answers and keeps its label', () => {
		const merged = extractThemes(answers(feedback), overrides({ merges: { [key('Lainaaminen automaatilla')]: key('Aukioloaikoja') } }), { top: 5 });
		expect(merged.find((theme) => theme.key === key('Aukioloaikoja'))).toMatchObject({ label: 'Aukioloaikoja', count: 6 });
		expect(merged.map((theme) => theme.key)).not.toContain(key('Lainaaminen automaatilla'));
		// The merged theme, now the biggest the coordinator has touched, comes first.
		expect(merged[0]!.key).toBe(key('Aukioloaikoja'));
	});

	it('tags answers by hand, including into a theme made by hand', () => {
		const themes = extractThemes(
			answers(feedback),
			overrides({ renames: { '#kokoelmat': 'Kokoelmat' }, tags: { '10': ['#kokoelmat'], '11': ['#kokoelmat'], '7': [key('Aukioloaikoja')] } }),
			{ top: 5 }
		);
		expect(themes.find((theme) => theme.key === '#kokoelmat')).toEqual({
			key: '#kokoelmat',
			label: 'Kokoelmat',
			count: 2,
			quotes: ['Enemmän uusia lehtiä ja kirjoja.', 'Hyvä']
		});
		expect(themes.find((theme) => theme.key === key('Aukioloaikoja'))?.count).toBe(4);
	});

	it('ignores tags of answers outside the set and merge cycles', () => {
		const themes = extractThemes(answers(feedback), overrides({ tags: { '999': ['#x'] }, merges: { a: 'b', b: 'a' } }));
		expect(themes.map((theme) => theme.key)).not.toContain('#x');
		expect(resolveMerge('a', { a: 'b', b: 'a' })).toBe('b');
		expect(resolveMerge('a', { a: 'b', b: 'c' })).toBe('c');
	});
});

describe('other languages', () => {
	it('groups Swedish feedback', () => {
		const themes = extractThemes(
			answers(['Personalen var mycket vänlig.', 'Vänlig personal!', 'Öppettiderna borde vara längre.', 'Längre öppettider på lördagar.', 'Bra.'], 'sv'),
			noOverrides,
			{ locale: 'sv' }
		);
		expect(themes.map(({ label, count }) => ({ label, count }))).toEqual([
			{ label: 'Längre öppettider', count: 2 },
			{ label: 'Vänlig personal', count: 2 }
		]);
	});

	it('groups English feedback, mixed with Finnish, per language', () => {
		const themes = extractThemes(
			[
				{ key: 'a', text: 'The staff were friendly and helpful.', language: 'en' },
				{ key: 'b', text: 'Friendly staff!', language: 'en' },
				{ key: 'c', text: 'Borrowing from the machine was slow.', language: 'en' },
				{ key: 'd', text: 'Henkilökunta ystävällistä.', language: 'fi' }
			],
			noOverrides
		);
		expect(themes).toHaveLength(1);
		// "friendly staff" / "staff were friendly": one phrase, the Finnish answer apart.
		expect(themes[0]).toMatchObject({ count: 2, label: 'Friendly staff' });
	});
});

describe('key phrases', () => {
	it('lists frequent terms and two-word phrases, phrases first at equal counts', () => {
		const phrases = keyPhrases(analyseAnswers(answers(feedback)));
		expect(phrases.slice(0, 2)).toEqual([
			{ key: 'ystäväl', kind: 'term', label: 'ystävällistä', count: 4 },
			{ key: 'henkilökun ystäväl', kind: 'phrase', label: 'ystävällinen henkilökunta', count: 3 }
		]);
		expect(phrases.find((phrase) => phrase.kind === 'phrase' && phrase.label === 'lainaaminen automaatilla')?.count).toBe(2);
	});

	it('joins words across two stop words at most, and writes the phrase as it stands', () => {
		const analysis = analyseAnswers(answers(['Henkilökunta oli todella ystävällistä', 'Henkilökunta ei ollut minusta ystävällistä']));
		expect(analysis.index.get('henkilökun ystäväl')).toEqual(new Set(['1']));
		expect(keyPhrases(analysis, { minCount: 1 }).find((phrase) => phrase.kind === 'phrase')?.label).toBe('henkilökunta oli todella ystävällistä');
	});

	it('never joins words across punctuation or "ja"', () => {
		const { index } = analyseAnswers(answers(['Aukioloajat, automaatti.', 'Aukioloajat ja automaatti']));
		expect([...index.keys()].filter((key) => key.includes(' '))).toEqual([]);
	});
});

describe('quotes', () => {
	it('deduplicates answers that differ only in case and punctuation and avoids quotes used by earlier themes', () => {
		const used = new Set<string>(['hyvä palvelu'.normalize()]);
		const quotes = pickQuotes(
			[
				{ key: '1', text: 'Ystävällinen palvelu!', contentWords: 2 },
				{ key: '2', text: 'ystävällinen palvelu', contentWords: 2 },
				{ key: '3', text: 'Hyvä palvelu', contentWords: 2 },
				{ key: '4', text: 'Palvelu oli ystävällistä ja nopeaa joka kerta', contentWords: 4 }
			],
			2,
			used,
			'fi'
		);
		expect(quotes).toEqual(['ystävällinen palvelu', 'Palvelu oli ystävällistä ja nopeaa joka kerta']);
	});

	it('cuts long quotes at a word after masking', () => {
		const long = `Soita 040 123 4567 ${'sana '.repeat(80)}loppu`;
		const quote = displayQuote(long, 'fi');
		expect(quote.startsWith('Soita [puhelinnumero] sana')).toBe(true);
		expect(quote.endsWith('sana…')).toBe(true);
		expect(quote.length).toBeLessThanOrEqual(maxQuoteLength + 1);
	});
});
