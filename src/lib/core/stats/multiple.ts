/**
 * Multiple comparisons (ADR 0016): a report adjusts the p-values of each family with Holm's
 * step-down method and calls a difference significant when the adjusted p is under 0.05.
 */

/** The significance level of every test in a report. */
export const significanceLevel = 0.05;

/** Whether an (adjusted) p-value is significant at the report's level. */
export function isSignificant(p: number, alpha = significanceLevel): boolean {
	return p < alpha;
}

/**
 * Holm (1979) adjusted p-values, in the input's order: sort ascending, multiply the i-th smallest
 * (0-based) by (m − i), carry the running maximum forward and cap at 1 (R's p.adjust "holm").
 * Nulls (tests that could not be computed) stay null and do not count towards m.
 */
export function holm(pValues: readonly number[]): number[];
export function holm(pValues: readonly (number | null)[]): (number | null)[];
export function holm(pValues: readonly (number | null)[]): (number | null)[] {
	const order = pValues
		.map((p, index) => ({ p, index }))
		.filter((entry): entry is { p: number; index: number } => entry.p !== null)
		.sort((a, b) => a.p - b.p);
	const adjusted: (number | null)[] = pValues.map(() => null);
	let runningMax = 0;
	order.forEach(({ p, index }, rank) => {
		runningMax = Math.max(runningMax, Math.min(1, (order.length - rank) * p));
		adjusted[index] = runningMax;
	});
	return adjusted;
}
