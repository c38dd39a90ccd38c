/**
 * Descriptive figures from counts and sums (what the answer cube holds). Proportions are 0…1; the
 * report multiplies by 100 and rounds each figure on its own for display (so a row of rounded
 * shares may total 99 or 101, as published tables do). N/A is excluded by the caller.
 */

export interface DistributionRow {
	code: string;
	n: number;
	/** Share of the total of all codes, 0…1. */
	share: number;
}

/**
 * Each code's share of the total, in the order given. Null when the total is 0 (nobody answered),
 * so no share is ever NaN.
 */
export function distribution(counts: Readonly<Record<string, number>>): DistributionRow[] | null {
	const entries = Object.entries(counts);
	const total = entries.reduce((sum, [, n]) => sum + n, 0);
	if (total <= 0) return null;
	return entries.map(([code, n]) => ({ code, n, share: n / total }));
}

export interface MeanFromSums {
	n: number;
	/** Null when n = 0. */
	mean: number | null;
	/** Sample standard deviation (divisor n − 1); null when n < 2. */
	sd: number | null;
}

/**
 * Mean and sample standard deviation from n, Σx and Σx², the textbook computational form
 * s² = (Σx² − (Σx)²/n) / (n − 1). Rounding can make the numerator a hair below zero when every
 * answer is equal; it is clamped to 0.
 */
export function meanFromSums(n: number, sum: number, sumSq: number): MeanFromSums {
	if (n <= 0) return { n: 0, mean: null, sd: null };
	const mean = sum / n;
	if (n < 2) return { n, mean, sd: null };
	const squares = Math.max(0, sumSq - (sum * sum) / n);
	return { n, mean, sd: Math.sqrt(squares / (n - 1)) };
}

export interface TopBoxShare {
	/** Answers on the scale (N/A excluded by the caller). */
	n: number;
	/** Answers in the top `box` points. */
	k: number;
	/** k / n, 0…1; null when n = 0. */
	share: number | null;
}

/**
 * Share of answers in the `box` highest points of the scale (top-2-box: box = 2, e.g. 4 and 5 on
 * a 1–5 scale). `points` are the scale's points in any order; counts of codes outside them are
 * ignored, so a stray N/A key cannot enter the base.
 */
export function topBoxShare(
	counts: ReadonlyMap<number, number>,
	points: readonly number[],
	box = 2
): TopBoxShare {
	const sorted = [...new Set(points)].sort((a, b) => b - a);
	const top = new Set(sorted.slice(0, Math.max(0, box)));
	let n = 0;
	let k = 0;
	for (const point of sorted) {
		const count = counts.get(point) ?? 0;
		n += count;
		if (top.has(point)) k += count;
	}
	return { n, k, share: n > 0 ? k / n : null };
}
