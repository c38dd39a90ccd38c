/**
 * The probability distributions the statistics need, from stdlib's single-purpose packages
 * (ADR 0016: pure JavaScript, typed, no I/O, tested against reference tables by their authors).
 * Kept in one module so the rest of `stats` reads as formulas.
 */
import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** z such that P(−z < Z < z) = confidence (1.959964 for 0.95). */
export function zCritical(confidence: number): number {
	return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** t with `df` degrees of freedom such that P(−t < T < t) = confidence (2.262157 for df 9). */
export function tCritical(confidence: number, df: number): number {
	return tQuantile(1 - (1 - confidence) / 2, df);
}

/** Two-sided p of a standard normal statistic, computed from the lower tail to keep small p exact. */
export function normalTwoSidedP(z: number): number {
	return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** Two-sided p of a t statistic with `df` (possibly fractional, as Welch's) degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
	return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Upper-tail p of a chi-square statistic (the test of independence is one-tailed by nature). */
export function chiSquareUpperP(statistic: number, df: number): number {
	return Math.max(0, 1 - chiSquareCdf(statistic, df));
}

/**
 * P(X = x) for the count in the top-left cell of a 2×2 table with fixed margins: `total` items of
 * which `successes` are in the first column, `draws` in the first row.
 */
export function hypergeometric(x: number, total: number, successes: number, draws: number): number {
	return hypergeometricPmf(x, total, successes, draws);
}
