import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import type { TextLanguage } from './normalise.ts';

/**
 * Stemming with the Snowball stemmers (Finnish, Swedish) and Porter's stemmer (English), as
 * packaged by `@orama/stemmers`: JavaScript generated from the Snowball sources, pure functions of
 * one word, no I/O (ADR 0019).
 *
 * The Snowball Finnish stemmer leaves derivational endings that split one adjective into several
 * stems — ystävällinen → "ystävällin", ystävällisesti → "ystävällis", ystävällistä → "ystäväl" —
 * and drops a final "t" only sometimes (henkilökunta → "henkilökun", henkilökuntaa →
 * "henkilökunt"). Two small rules after it put those together; `clusterStems` then joins stems
 * that consonant gradation keeps apart (aukioloaika → "aukioloaik", aukioloajat → "aukioloaj").
 */
const stemmers: Record<TextLanguage, (word: string) => string> = { fi: finnish, sv: swedish, en: english };

/** A stem of `word` (already normalised: lower case, NFC). */
export function stemWord(word: string, language: TextLanguage): string {
	if (language === 'en') return english(word.replace(/'s$/, ''));
	const stem = stemmers[language](word);
	return language === 'fi' ? finnishTail(stem) : stem;
}

const doubleConsonant = /([bcdfghjklmnpqrstvwxz])\1$/;

/**
 * -nt → -n (henkilökunt → henkilökun); -in/-is of -inen adjectives and -minen nouns dropped when
 * five letters remain, then a final double consonant made single (ystävällin → ystäväl,
 * ammattitaitois → ammattitaito, lainaamis → lainaam).
 */
function finnishTail(stem: string): string {
	let result = stem.endsWith('nt') ? stem.slice(0, -1) : stem;
	if (/(?:in|is)$/.test(result) && result.length - 2 >= 5) {
		result = result.slice(0, -2).replace(doubleConsonant, '$1');
	}
	return result;
}

/** Shared prefix needed to join two stems, and how far each may run past it. */
const minShared = 7;
const maxTail = 3;

function sharedPrefix(a: string, b: string): number {
	const limit = Math.min(a.length, b.length);
	let index = 0;
	while (index < limit && a[index] === b[index]) index += 1;
	return index;
}

/**
 * Joins stems that share a long prefix and differ only in a short tail, mapping each stem to the
 * shortest stem of its group (its root): `aukioloaj`, `aukioloaik` and `aukioloaiko` all map to
 * `aukioloaj`. Roots are tried shortest first and a stem is compared with roots only, so groups
 * never chain (a ~ b and b ~ c do not join a and c unless a ~ c). Seven shared letters keep
 * different words apart (palaute "feedback" and palautus "return" share six).
 */
export function clusterStems(stems: Iterable<string>): Map<string, string> {
	const sorted = [...new Set(stems)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
	// Stems can only join when they share the first `minShared` letters: index the roots by them.
	const rootsByHead = new Map<string, string[]>();
	const rootOf = new Map<string, string>();
	for (const stem of sorted) {
		if (stem.length < minShared) {
			rootOf.set(stem, stem);
			continue;
		}
		const head = stem.slice(0, minShared);
		const roots = rootsByHead.get(head) ?? [];
		const root = roots.find((candidate) => {
			const shared = sharedPrefix(candidate, stem);
			return candidate.length - shared <= maxTail && stem.length - shared <= maxTail;
		});
		if (root === undefined) rootsByHead.set(head, [...roots, stem]);
		rootOf.set(stem, root ?? stem);
	}
	return rootOf;
}
