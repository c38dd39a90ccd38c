/**
 * Customer-experience indices and service-quality gaps (reference/measures.md; choices in
 * ADR 0016). Per-respondent measures (gap, Opportunity Index, LibQUAL gaps) are folded into the
 * cube's derived facets with the `respondent…` functions and summarised here from their sums.
 */
import { zCritical } from './distributions.ts';
import { meanEstimate, type MeanEstimate } from './intervals.ts';

export interface NpsResult {
	n: number;
	promoters: number;
	passives: number;
	detractors: number;
	/** % promoters − % detractors, −100…100. */
	score: number;
	/** Adjusted-Wald 95 % interval, −100…100. */
	low: number;
	high: number;
}

/**
 * Net Promoter Score from counts of the answers 0…10 (promoters 9–10, passives 7–8, detractors
 * 0–6; other keys ignored). The interval is the adjusted Wald of Rocks (2016), as recommended by
 * Sauro & Lewis: add 3/4 to promoters and detractors and 3 to n, then
 * NPS' ± z·√((p' + d' − (p' − d')²) / n'), the variance of a difference of two multinomial
 * shares. Null when nobody answered.
 */
export function nps(counts: ReadonlyMap<number, number>, confidence = 0.95): NpsResult | null {
	let promoters = 0;
	let passives = 0;
	let detractors = 0;
	for (const [point, count] of counts) {
		if (!Number.isInteger(point) || point < 0 || point > 10) continue;
		if (point >= 9) promoters += count;
		else if (point >= 7) passives += count;
		else detractors += count;
	}
	const n = promoters + passives + detractors;
	if (n <= 0) return null;
	const adjustedN = n + 3;
	const p = (promoters + 0.75) / adjustedN;
	const d = (detractors + 0.75) / adjustedN;
	const half = zCritical(confidence) * Math.sqrt((p + d - (p - d) ** 2) / adjustedN);
	return {
		n,
		promoters,
		passives,
		detractors,
		score: (100 * (promoters - detractors)) / n,
		low: 100 * Math.max(-1, p - d - half),
		high: 100 * Math.min(1, p - d + half)
	};
}

/** Happy-index weight of each smiley (ADR 0016): equally spaced on 0…100. */
export const happyWeights: ReadonlyMap<number, number> = new Map([
	[4, 100],
	[3, 200 / 3],
	[2, 100 / 3],
	[1, 0]
]);

export interface HappyIndexResult {
	n: number;
	/** Weighted mean of the smileys, 0…100. */
	score: number;
	/** t-interval of the weighted mean, clamped to 0…100; null when n < 2. */
	low: number | null;
	high: number | null;
}

/**
 * Happy index from counts of the four smileys (4 very happy, 3 happy, 2 unhappy, 1 very unhappy;
 * other keys ignored): the mean of each answer's weight, with the t-interval of that mean.
 * Null when nobody answered.
 */
export function happyIndex(counts: ReadonlyMap<number, number>, confidence = 0.95): HappyIndexResult | null {
	let n = 0;
	let sum = 0;
	let sumSq = 0;
	for (const [point, count] of counts) {
		const weight = happyWeights.get(point);
		if (weight === undefined) continue;
		n += count;
		sum += count * weight;
		sumSq += count * weight * weight;
	}
	if (n <= 0) return null;
	const estimate = meanEstimate(n, sum, sumSq, confidence);
	return {
		n,
		score: sum / n,
		low: estimate.low === null ? null : Math.max(0, estimate.low),
		high: estimate.high === null ? null : Math.min(100, estimate.high)
	};
}

/** Importance − performance for one respondent and statement (positive: falls short). */
export function respondentGap(importance: number, performance: number): number {
	return importance - performance;
}

/** Opportunity Index for one respondent and item: importance + max(0, importance − satisfaction). */
export function respondentOpportunity(importance: number, satisfaction: number): number {
	return importance + Math.max(0, importance - satisfaction);
}

/**
 * LibQUAL gaps for one respondent and item, or null for an inversion (minimum > desired), which
 * is screened out and counted apart (cube facet '=inverted').
 */
export function respondentLibqual(
	minimum: number,
	desired: number,
	perceived: number
): { adequacy: number; superiority: number } | null {
	if (minimum > desired) return null;
	return { adequacy: perceived - minimum, superiority: perceived - desired };
}

/** Mean importance − performance gap with its t-interval (paired: one difference per respondent). */
export function gapFromSums(n: number, sum: number, sumSq: number, confidence = 0.95): MeanEstimate {
	return meanEstimate(n, sum, sumSq, confidence);
}

/** Mean Opportunity Index with its t-interval, from the per-respondent values' sums. */
export function opportunityIndex(n: number, sum: number, sumSq: number, confidence = 0.95): MeanEstimate {
	return meanEstimate(n, sum, sumSq, confidence);
}

/** Mean LibQUAL adequacy gap (perceived − minimum; negative: below the minimum) with its t-interval. */
export function adequacyFromSums(n: number, sum: number, sumSq: number, confidence = 0.95): MeanEstimate {
	return meanEstimate(n, sum, sumSq, confidence);
}

/** Mean LibQUAL superiority gap (perceived − desired; positive: beyond desired) with its t-interval. */
export function superiorityFromSums(n: number, sum: number, sumSq: number, confidence = 0.95): MeanEstimate {
	return meanEstimate(n, sum, sumSq, confidence);
}

export interface ZoneOfTolerance {
	/** Mean minimum: the zone's lower edge. */
	low: number;
	/** Mean desired: the zone's upper edge. */
	high: number;
	perceived: number;
	position: 'below' | 'within' | 'above';
}

/**
 * The zone of tolerance (mean minimum … mean desired) and where mean perceived sits in it; the
 * edges belong to the zone. Null when a mean is missing or the zone is inverted.
 */
export function zoneOfTolerance(
	minMean: number | null,
	desMean: number | null,
	perMean: number | null
): ZoneOfTolerance | null {
	if (minMean === null || desMean === null || perMean === null || minMean > desMean) return null;
	const position = perMean < minMean ? 'below' : perMean > desMean ? 'above' : 'within';
	return { low: minMean, high: desMean, perceived: perMean, position };
}
