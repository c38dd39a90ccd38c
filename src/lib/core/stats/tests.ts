/**
 * Significance tests for segment gaps and round changes (DESIGN.md, statistics policy): chi-square
 * for distributions (Fisher's exact test when a 2×2 table is too sparse), the pooled two-proportion
 * z-test for a top-box share, Welch's t-test for means. Every p is two-sided (the chi-square test's
 * upper tail already is). Differences are second − first: pass the earlier round or the reference
 * segment first. Null when a test cannot be computed.
 */
import { chiSquareUpperP, hypergeometric, normalTwoSidedP, tTwoSidedP } from './distributions.ts';
import { chiSquareRule, expectedCounts, mergeSparsestRow, pearsonStatistic, tidyTable } from './contingency.ts';

export interface ChiSquareResult {
	test: 'chi-square' | 'fisher';
	/** Pearson's X² without continuity correction; null when Fisher's test was used. */
	statistic: number | null;
	df: number | null;
	p: number;
	/** The smallest expected count of the table as first tested (before any merging). */
	minExpected: number;
	/**
	 * The rows tested, each a list of indices of the input's rows: [[0], [1, 2], [3]] means rows 1
	 * and 2 were merged (ADR 0016). Rows nobody answered are left out.
	 */
	rows: number[][];
}

/**
 * Chi-square test of independence of an r×c table whose rows are answer categories in their
 * scale or form order and whose columns are the groups compared. Rows or columns with no answers
 * are dropped. Small expected counts (ADR 0016, after Cochran 1954): while more than 20 % of the
 * expected counts are under 5 or any is under 1, the sparsest row is merged with its smaller
 * neighbour; a 2×2 table with any expected count under 5 gets Fisher's exact test. Null when
 * fewer than two rows or columns have answers, or when two rows and three or more columns stay
 * too sparse (no valid test).
 */
export function chiSquare(table: readonly (readonly number[])[]): ChiSquareResult | null {
	let tidy = tidyTable(table);
	if (tidy === null) return null;
	const minExpected = Math.min(...expectedCounts(tidy.counts).flat());
	while (!chiSquareRule(expectedCounts(tidy.counts))) {
		if (tidy.counts.length > 2) {
			tidy = mergeSparsestRow(tidy);
			continue;
		}
		const [[a = 0, b = 0, ...more] = [], [c = 0, d = 0] = []] = tidy.counts;
		if (more.length > 0) return null;
		const fisher = fisherExact2x2(a, b, c, d);
		return fisher && { test: 'fisher', statistic: null, df: null, p: fisher.p, minExpected, rows: tidy.rows };
	}
	const statistic = pearsonStatistic(tidy.counts);
	const df = (tidy.counts.length - 1) * ((tidy.counts[0]?.length ?? 0) - 1);
	return { test: 'chi-square', statistic, df, p: chiSquareUpperP(statistic, df), minExpected, rows: tidy.rows };
}

/**
 * Fisher's exact test for the 2×2 table [[a, b], [c, d]], two-sided: the sum of the probabilities
 * (hypergeometric, margins fixed) of every table no more likely than the observed one, with R's
 * relative tolerance of 1e-7 so ties are not lost to rounding. Null for an empty table.
 */
export function fisherExact2x2(a: number, b: number, c: number, d: number): { test: 'fisher'; p: number } | null {
	const total = a + b + c + d;
	if (!(total > 0)) return null;
	const firstColumn = a + c;
	const firstRow = a + b;
	const observed = hypergeometric(a, total, firstColumn, firstRow);
	let p = 0;
	const from = Math.max(0, firstRow - (total - firstColumn));
	const to = Math.min(firstColumn, firstRow);
	for (let x = from; x <= to; x++) {
		const probability = hypergeometric(x, total, firstColumn, firstRow);
		if (probability <= observed * (1 + 1e-7)) p += probability;
	}
	return { test: 'fisher', p: Math.min(1, p) };
}

export interface ZTestResult {
	test: 'two-proportion-z';
	z: number;
	p: number;
	/** k2/n2 − k1/n1, −1…1. */
	difference: number;
}

/**
 * Two-proportion z-test with the pooled standard error √(p̂(1 − p̂)(1/n1 + 1/n2)), p̂ = (k1 + k2) /
 * (n1 + n2). Null when a group is empty or both shares are 0 or 1 (no variance).
 */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): ZTestResult | null {
	if (!(n1 > 0 && n2 > 0)) return null;
	const pooled = (k1 + k2) / (n1 + n2);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
	if (!(se > 0)) return null;
	const difference = k2 / n2 - k1 / n1;
	const z = difference / se;
	return { test: 'two-proportion-z', z, p: normalTwoSidedP(z), difference };
}

export interface WelchResult {
	test: 'welch-t';
	t: number;
	/** Welch–Satterthwaite degrees of freedom (fractional). */
	df: number;
	p: number;
	/** mean2 − mean1. */
	difference: number;
}

/**
 * Welch's unequal-variances t-test from each group's n, mean and sample sd, with the
 * Welch–Satterthwaite df = (v1 + v2)² / (v1²/(n1 − 1) + v2²/(n2 − 1)), vi = sdi²/ni.
 * Null when a group has fewer than 2 answers, a figure is missing, or both sds are 0.
 */
export function welchT(
	n1: number,
	mean1: number | null,
	sd1: number | null,
	n2: number,
	mean2: number | null,
	sd2: number | null
): WelchResult | null {
	if (n1 < 2 || n2 < 2 || mean1 === null || mean2 === null || sd1 === null || sd2 === null) return null;
	const v1 = (sd1 * sd1) / n1;
	const v2 = (sd2 * sd2) / n2;
	if (!(v1 + v2 > 0)) return null;
	const difference = mean2 - mean1;
	const t = difference / Math.sqrt(v1 + v2);
	const df = (v1 + v2) ** 2 / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
	return { test: 'welch-t', t, df, p: tTwoSidedP(t, df), difference };
}
