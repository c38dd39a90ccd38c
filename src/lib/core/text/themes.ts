import type { OpenTextTheme } from '../report/model.ts';
import { analyseAnswers, isPhraseKey, surfaceLabel, type Analysis, type TextAnswer } from './key-phrases.ts';
import type { TextLanguage } from './normalise.ts';
import { pickQuotes } from './quotes.ts';

/**
 * Open-text themes (ADR 0019). Every term and two-word phrase of the answers is a candidate theme
 * holding the answers that contain it. Coordinators' overrides apply first: merged themes pool
 * their answers under the target, hand tags add answers to a theme (creating it when no answer
 * contains its words — a theme made by hand), and renames replace the label. Then the themes are
 * chosen greedily, each time the one that adds the most answers not yet covered by the themes
 * chosen before it, so that the TOP-3 are three different things rather than "staff",
 * "friendly" and "friendly staff". A theme the coordinator has touched (renamed, merged into or
 * tagged) competes with all of its answers; an automatic one needs two answers not yet covered.
 * A theme's count is every answer it holds, so counts of different themes may overlap.
 */
export interface ThemeOverrides {
	/** Theme key → the coordinator's label (automatic themes renamed, and themes made by hand). */
	renames: Record<string, string>;
	/** Theme key → the key of the theme it was merged into (followed transitively). */
	merges: Record<string, string>;
	/** Answer key → the theme keys the coordinator tagged it with. */
	tags: Record<string, string[]>;
}

export const noOverrides: ThemeOverrides = { renames: {}, merges: {}, tags: {} };

export interface ThemeOptions {
	/** How many themes (default 3). */
	top?: number;
	/** Quotes per theme (default 3). */
	quotesPerTheme?: number;
	/** The reader's language: the words that masked personal data reads as (default 'fi'). */
	locale?: TextLanguage;
}

/** The theme a key ends up in after following merges (a cycle stops where it would repeat). */
export function resolveMerge(key: string, merges: Record<string, string>): string {
	const seen = new Set([key]);
	let current = key;
	for (let next = merges[current]; next !== undefined && !seen.has(next); next = merges[current]) {
		seen.add(next);
		current = next;
	}
	return current;
}

interface Candidate {
	key: string;
	answers: Set<string>;
	curated: boolean;
	/** Label of the biggest automatic theme merged in, for a target that has no words of its own. */
	fallbackKey?: string;
}

function candidates(analysis: Analysis, overrides: ThemeOverrides, answerKeys: Set<string>): Map<string, Candidate> {
	const pool = new Map<string, Candidate>();
	const entry = (key: string) => {
		let candidate = pool.get(key);
		if (!candidate) {
			candidate = { key, answers: new Set(), curated: false };
			pool.set(key, candidate);
		}
		return candidate;
	};
	for (const [key, holders] of analysis.index) {
		const target = resolveMerge(key, overrides.merges);
		const candidate = entry(target);
		for (const answer of holders) candidate.answers.add(answer);
		if (target !== key) {
			candidate.curated = true;
			if (!candidate.fallbackKey || holders.size > (analysis.index.get(candidate.fallbackKey)?.size ?? 0)) candidate.fallbackKey = key;
		}
	}
	for (const [answer, keys] of Object.entries(overrides.tags)) {
		if (!answerKeys.has(answer)) continue;
		for (const key of keys) {
			const candidate = entry(resolveMerge(key, overrides.merges));
			candidate.answers.add(answer);
			candidate.curated = true;
		}
	}
	for (const key of Object.keys(overrides.renames)) {
		const candidate = pool.get(resolveMerge(key, overrides.merges));
		if (candidate) candidate.curated = true;
	}
	return pool;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Greedy choice of `top` themes as described above. */
function choose(pool: Map<string, Candidate>, top: number): Candidate[] {
	const remaining = new Set(pool.values());
	const covered = new Set<string>();
	const chosen: Candidate[] = [];
	while (chosen.length < top) {
		let best: { candidate: Candidate; score: number } | undefined;
		for (const candidate of remaining) {
			let uncovered = 0;
			for (const answer of candidate.answers) if (!covered.has(answer)) uncovered += 1;
			const eligible = candidate.curated ? candidate.answers.size >= 1 : uncovered >= 2;
			if (!eligible) continue;
			const score = candidate.curated ? candidate.answers.size : uncovered;
			if (!best || better(candidate, score, best.candidate, best.score)) best = { candidate, score };
		}
		if (!best) break;
		chosen.push(best.candidate);
		remaining.delete(best.candidate);
		for (const answer of best.candidate.answers) covered.add(answer);
	}
	return chosen;
}

/** Higher score; then more answers; then a phrase over a term; then the coordinator's; then by key. */
function better(a: Candidate, scoreA: number, b: Candidate, scoreB: number): boolean {
	if (scoreA !== scoreB) return scoreA > scoreB;
	if (a.answers.size !== b.answers.size) return a.answers.size > b.answers.size;
	if (isPhraseKey(a.key) !== isPhraseKey(b.key)) return isPhraseKey(a.key);
	if (a.curated !== b.curated) return a.curated;
	return byKey(a.key, b.key) < 0;
}

function capitalise(text: string): string {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The label a theme shows: the coordinator's; else, for a term, the phrase with it that at least
 * half of the theme's answers share ("Henkilökunta ystävällistä" rather than "Ystävällistä");
 * else how its words were most often written.
 */
export function themeLabel(key: string, analysis: Analysis, overrides: ThemeOverrides, fallbackKey?: string): string {
	const renamed = overrides.renames[key];
	if (renamed !== undefined && renamed.trim() !== '') return renamed.trim();
	const own = analysis.index.has(key) ? key : fallbackKey;
	if (own === undefined) return key;
	const phrase = isPhraseKey(own) ? undefined : sharedPhrase(own, analysis);
	return capitalise(surfaceLabel(analysis, phrase ?? own) ?? own);
}

function sharedPhrase(term: string, analysis: Analysis): string | undefined {
	const size = analysis.index.get(term)?.size ?? 0;
	const needed = Math.max(2, Math.ceil(size / 2));
	let best: { key: string; count: number } | undefined;
	for (const [key, holders] of analysis.index) {
		if (!isPhraseKey(key) || holders.size < needed || !key.split(' ').includes(term)) continue;
		if (!best || holders.size > best.count || (holders.size === best.count && byKey(key, best.key) < 0)) best = { key, count: holders.size };
	}
	return best?.key;
}

/**
 * The TOP-`top` themes of the answers with counts and masked example quotes.
 *
 * @example
 * extractThemes([{ key: '1', text: 'Henkilökunta oli todella ystävällistä', language: 'fi' }, …], noOverrides)
 * // [{ key: 'ystäväl', label: 'Ystävällistä', count: 3, quotes: ['Ystävällinen palvelu', …] }, …]
 */
export function extractThemes(answers: readonly TextAnswer[], overrides: ThemeOverrides, options: ThemeOptions = {}): OpenTextTheme[] {
	return extractThemesWithAnalysis(answers, overrides, options).themes;
}

/** `extractThemes` with the analysis it made, for callers that also show key phrases. */
export function extractThemesWithAnalysis(
	answers: readonly TextAnswer[],
	overrides: ThemeOverrides,
	options: ThemeOptions = {}
): { themes: OpenTextTheme[]; analysis: Analysis } {
	const analysis = analyseAnswers(answers);
	const byAnswer = new Map(answers.map((answer) => [answer.key, answer]));
	const contentWords = new Map(analysis.answers.map((answer) => [answer.key, answer.contentWords]));
	const chosen = choose(candidates(analysis, overrides, new Set(byAnswer.keys())), options.top ?? 3);
	const used = new Set<string>();
	const themes = chosen.map((candidate) => {
		const quoteCandidates = [...candidate.answers].map((key) => ({ key, text: byAnswer.get(key)!.text, contentWords: contentWords.get(key) ?? 0 }));
		return {
			key: candidate.key,
			label: themeLabel(candidate.key, analysis, overrides, candidate.fallbackKey),
			count: candidate.answers.size,
			quotes: pickQuotes(quoteCandidates, options.quotesPerTheme ?? 3, used, options.locale ?? 'fi')
		};
	});
	return { themes, analysis };
}
