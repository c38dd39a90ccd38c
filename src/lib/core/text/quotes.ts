import { normalise, type TextLanguage } from './normalise.ts';
import { maskPersonalData } from './personal-data.ts';

/**
 * Example quotes for a theme: the shortest informative answers, masked, each at most once. An
 * answer is informative when it has at least two words of content and twelve characters ("Hyvä!"
 * is not); when a theme has too few of those, shorter ones fill in. Quotes longer than
 * `maxQuoteLength` are cut at a word boundary with an ellipsis — after masking, so a cut can never
 * leave half a phone number showing.
 */
export const maxQuoteLength = 280;
const minInformativeLength = 12;

export interface QuoteCandidate {
	key: string;
	text: string;
	contentWords: number;
}

/** Two answers that differ only in case, spacing or punctuation are the same quote. */
export function quoteIdentity(text: string): string {
	return normalise(text)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export function displayQuote(text: string, language: TextLanguage): string {
	const masked = maskPersonalData(text.replace(/\s+/g, ' ').trim(), language);
	if (masked.length <= maxQuoteLength) return masked;
	const cut = masked.slice(0, maxQuoteLength);
	const space = cut.lastIndexOf(' ');
	return `${(space > maxQuoteLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/**
 * Up to `count` quotes from `candidates`; identities in `used` (quotes of earlier themes) are
 * avoided while others remain, and the identities chosen are added to it.
 */
export function pickQuotes(candidates: readonly QuoteCandidate[], count: number, used: Set<string>, language: TextLanguage): string[] {
	const informative = (candidate: QuoteCandidate) => candidate.contentWords >= 2 && candidate.text.trim().length >= minInformativeLength;
	const ordered = [...candidates]
		.filter((candidate) => quoteIdentity(candidate.text) !== '')
		.sort(
			(a, b) =>
				Number(informative(b)) - Number(informative(a)) ||
				a.text.trim().length - b.text.trim().length ||
				(a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
		);
	const chosen: string[] = [];
	const identities = new Set<string>();
	for (const allowUsed of [false, true]) {
		for (const candidate of ordered) {
			if (chosen.length >= count) break;
			const identity = quoteIdentity(candidate.text);
			if (identities.has(identity) || (!allowUsed && used.has(identity))) continue;
			identities.add(identity);
			chosen.push(displayQuote(candidate.text, language));
		}
	}
	for (const identity of identities) used.add(identity);
	return chosen;
}
