/**
 * Confidence intervals (95 % unless asked otherwise). Proportions use Wilson's score interval,
 * means the t-interval (DESIGN.md, statistics policy).
 */
import { meanFromSums } from './descriptive.ts';
import { tCritical, zCritical } from './distributions.ts';

export interface Interval {
	low: number;
	high: number;
}

/**
 * Wilson score interval for k successes in n trials (Wilson 1927; method 3 of Newcombe 1998):
 * centre (k + z²/2) / (n + z²), half-width z·√(k(n − k)/n + z²/4) / (n + z²). Unlike the Wald
 * interval it stays inside 0…1 and is not degenerate at k = 0 or k = n. Null when n = 0.
 */
export function wilson(k: number, n: number, confidence = 0.95): Interval | null {
	if (!(n > 0) || k < 0 || k > n) return null;
	const z = zCritical(confidence);
	const z2 = z * z;
	const centre = (k + z2 / 2) / (n + z2);
	const half = (z * Math.sqrt((k * (n - k)) / n + z2 / 4)) / (n + z2);
	// At k = 0 and k = n the bound is exactly 0 or 1; floating point would land a hair inside.
	const low = k === 0 ? 0 : Math.max(0, centre - half);
	const high = k === n ? 1 : Math.min(1, centre + half);
	return { low, high };
}

/**
 * t-interval for a mean: mean ± t(1 − α/2, n − 1) · sd / √n. Null when n < 2 or the mean or sd is
 * unknown. With sd = 0 (everyone gave the same answer) it is the single point [mean, mean].
 */
export function meanInterval(
	n: number,
	mean: number | null,
	sd: number | null,
	confidence = 0.95
): Interval | null {
	if (n < 2 || mean === null || sd === null) return null;
	const half = (tCritical(confidence, n - 1) * sd) / Math.sqrt(n);
	return { low: mean - half, high: mean + half };
}

export interface MeanEstimate {
	n: number;
	mean: number | null;
	sd: number | null;
	/** The t-interval; null fields when n < 2. */
	low: number | null;
	high: number | null;
}

/** Mean, sample sd and t-interval straight from the cube's n, Σx and Σx². */
export function meanEstimate(n: number, sum: number, sumSq: number, confidence = 0.95): MeanEstimate {
	const { mean, sd } = meanFromSums(n, sum, sumSq);
	const interval = meanInterval(n, mean, sd, confidence);
	return { n: Math.max(0, n), mean, sd, low: interval?.low ?? null, high: interval?.high ?? null };
}
