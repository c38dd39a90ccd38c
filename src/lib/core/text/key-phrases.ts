import { normalise, tokenise, type TextLanguage } from './normalise.ts';
import { stripPersonalData } from './personal-data.ts';
import { clusterStems, stemWord } from './stem.ts';
import { isStopWord } from './stop-words.ts';

/**
 * Key phrases of a set of answers: frequent stems ("terms") and frequent two-word phrases. Each
 * answer is read once: personal data blanked out, tokenised, stop words and words of fewer than
 * three letters dropped, the rest stemmed and the stems joined into groups (stem.ts). A term's key
 * is its group's root stem; a phrase's key is its two roots in alphabetical order joined by a
 * space, so "ystävällinen henkilökunta" and "henkilökunta oli ystävällistä" are one phrase.
 * Phrases join neighbouring words of one clause, across at most two stop words, and never across
 * punctuation or "ja", "och", "and"…; a phrase is written as it stands in the answer.
 */
export interface TextAnswer {
	key: string;
	text: string;
	language: TextLanguage;
}

export interface AnalysedAnswer {
	key: string;
	/** Term and phrase keys the answer contains, each once. */
	keys: Set<string>;
	/** How many words of content it has (a quote of one word says little). */
	contentWords: number;
}

export interface KeyPhrase {
	key: string;
	kind: 'term' | 'phrase';
	/** The most frequent way it was written, e.g. 'ystävällistä' or 'lainaaminen automaatilla'. */
	label: string;
	/** Answers that contain it. */
	count: number;
}

export interface Analysis {
	answers: AnalysedAnswer[];
	/** Every term and phrase with the answers that contain it. */
	index: Map<string, Set<string>>;
	/** How each term and phrase was written, with counts (for labels). */
	surfaces: Map<string, Map<string, number>>;
}

/** Stop words that join two clauses rather than two words of one phrase. */
const conjunctions = new Set(['ja', 'sekä', 'tai', 'mutta', 'vaan', 'vai', 'och', 'eller', 'men', 'samt', 'and', 'or', 'but']);
const hasLetter = /\p{L}/u;

interface Word {
	word: string;
	stem: string;
	/** Words with the same run number are neighbours within one clause. */
	run: number;
	start: number;
	end: number;
}

/** Stop words a phrase may span ("henkilökunta oli todella ystävällistä"); more start a new run. */
const maxGap = 2;

function contentWords(answer: TextAnswer): { words: Word[]; text: string } {
	const clean = stripPersonalData(answer.text);
	const words: Word[] = [];
	let run = 0;
	let lastClause = -1;
	let gap = 0;
	for (const token of tokenise(clean)) {
		if (token.clause !== lastClause || conjunctions.has(token.word)) {
			run += 1;
			lastClause = token.clause;
			gap = 0;
		}
		if (conjunctions.has(token.word)) continue;
		if (token.word.length < 3 || !hasLetter.test(token.word) || isStopWord(token.word, answer.language)) {
			gap += 1;
			continue;
		}
		if (gap > maxGap) run += 1;
		gap = 0;
		words.push({ word: token.word, stem: stemWord(token.word, answer.language), run, start: token.start, end: token.end });
	}
	return { words, text: normalise(clean) };
}

function count(surfaces: Map<string, Map<string, number>>, key: string, surface: string): void {
	const forms = surfaces.get(key) ?? new Map<string, number>();
	forms.set(surface, (forms.get(surface) ?? 0) + 1);
	surfaces.set(key, forms);
}

export function analyseAnswers(answers: readonly TextAnswer[]): Analysis {
	const read = answers.map((answer) => ({ answer, ...contentWords(answer) }));
	const rootOf = new Map<TextAnswer['language'], Map<string, string>>();
	for (const language of new Set(answers.map((answer) => answer.language))) {
		const stems = read.filter((entry) => entry.answer.language === language).flatMap((entry) => entry.words.map((word) => word.stem));
		rootOf.set(language, clusterStems(stems));
	}
	const index = new Map<string, Set<string>>();
	const surfaces = new Map<string, Map<string, number>>();
	const analysed = read.map(({ answer, words, text }) => {
		const roots = rootOf.get(answer.language)!;
		const keys = new Set<string>();
		words.forEach((word, position) => {
			const root = roots.get(word.stem) ?? word.stem;
			keys.add(root);
			count(surfaces, root, word.word);
			const next = words[position + 1];
			if (next && next.run === word.run) {
				const nextRoot = roots.get(next.stem) ?? next.stem;
				if (nextRoot !== root) {
					const key = [root, nextRoot].sort().join(' ');
					keys.add(key);
					count(surfaces, key, text.slice(word.start, next.end).replace(/\s+/g, ' '));
				}
			}
		});
		for (const key of keys) {
			const holders = index.get(key) ?? new Set<string>();
			holders.add(answer.key);
			index.set(key, holders);
		}
		return { key: answer.key, keys, contentWords: words.length };
	});
	return { answers: analysed, index, surfaces };
}

/** The most frequent written form of a term or phrase (ties: the shorter, then alphabetical). */
export function surfaceLabel(analysis: Analysis, key: string): string | undefined {
	const forms = analysis.surfaces.get(key);
	if (!forms) return undefined;
	return [...forms.entries()].sort(([a, an], [b, bn]) => bn - an || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}

export function isPhraseKey(key: string): boolean {
	return key.includes(' ');
}

/**
 * Terms and phrases found in at least `minCount` answers, most frequent first; at equal counts a
 * phrase before a term (it says more), then alphabetically by key.
 */
export function keyPhrases(analysis: Analysis, options: { minCount?: number; limit?: number } = {}): KeyPhrase[] {
	const minCount = options.minCount ?? 2;
	const phrases: KeyPhrase[] = [];
	for (const [key, holders] of analysis.index) {
		if (holders.size < minCount) continue;
		phrases.push({ key, kind: isPhraseKey(key) ? 'phrase' : 'term', label: surfaceLabel(analysis, key) ?? key, count: holders.size });
	}
	phrases.sort((a, b) => b.count - a.count || (a.kind === b.kind ? 0 : a.kind === 'phrase' ? -1 : 1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return options.limit === undefined ? phrases : phrases.slice(0, options.limit);
}
