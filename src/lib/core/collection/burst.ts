import type { AnswerFacet } from '../instrument/facets.ts';
import type { Channel } from './collectors.ts';

/**
 * The burst rule (ADR 0012): when more than `threshold` responses with identical answers arrive on
 * one collector within `windowSeconds`, the ones beyond the threshold are flagged `burst` for a
 * coordinator to review. Nothing is refused or deleted: a flagged response is still stored, and
 * reports may leave flagged ones out. Identical means the same answer rows, open text included.
 *
 * Kiosks are exempt (a desk tablet is watched by staff and has its own tap guard, and a one-tap
 * pulse repeats by nature), as are phone and paper entry (staff type them in, often in batches).
 */
export const burstRule = { threshold: 5, windowSeconds: 120 } as const;

export const burstChannels: readonly Channel[] = ['web', 'qr', 'link'];

export function burstRuleApplies(channel: Channel): boolean {
	return burstChannels.includes(channel);
}

/**
 * A canonical text of the answer rows, the same for the same answers whatever their order, for the
 * server to hash into `response.answer_digest`.
 */
export function canonicalAnswers(facets: readonly AnswerFacet[]): string {
	const rows = facets.map((facet) =>
		JSON.stringify([facet.itemId, facet.facet, facet.optionCode ?? null, facet.numberValue ?? null, facet.dateValue ?? null, facet.isNa, facet.text ?? null])
	);
	return rows.sort().join('\n');
}
