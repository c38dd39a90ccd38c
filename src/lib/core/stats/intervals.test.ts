import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanEstimate, meanInterval, wilson } from './intervals.ts';

describe('wilson', () => {
	// Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of
	// seven methods. Stat Med 17:857–872, Table II, method 3 (score without continuity correction).
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718]
	])('matches Newcombe 1998 for %i/%i', (k, n, low, high) => {
		const interval = wilson(k, n);
		expect(interval?.low).toBeCloseTo(low, 4);
		expect(interval?.high).toBeCloseTo(high, 4);
	});

	it('reaches exactly 0 at k = 0 and exactly 1 at k = n', () => {
		expect(wilson(0, 15)?.low).toBe(0);
		expect(wilson(15, 15)?.high).toBe(1);
	});

	it('returns null for n = 0 or an impossible k', () => {
		expect(wilson(0, 0)).toBeNull();
		expect(wilson(3, 2)).toBeNull();
	});

	it('stays within 0…1 and contains k/n', () => {
		const counts = fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
		fc.assert(
			fc.property(counts, ([k, n]) => {
				const interval = wilson(k, n);
				if (interval === null) return false;
				return interval.low >= 0 && interval.high <= 1 && interval.low <= k / n && k / n <= interval.high;
			})
		);
	});
});

describe('meanInterval', () => {
	it('uses the t quantile with n − 1 df', () => {
		// n = 10, mean 5, sd 1: t(0.975, 9) = 2.262157 (any t table), half-width 2.262157 / √10 = 0.715357.
		const interval = meanInterval(10, 5, 1);
		expect(interval?.low).toBeCloseTo(4.284643, 6);
		expect(interval?.high).toBeCloseTo(5.715357, 6);
	});

	it('matches R t.test on the first group of the sleep data', () => {
		// R: t.test(sleep$extra[1:10]) → 95 percent confidence interval −0.5297804 2.0297804.
		const extra = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
		const sum = extra.reduce((a, b) => a + b, 0);
		const sumSq = extra.reduce((a, b) => a + b * b, 0);
		const estimate = meanEstimate(extra.length, sum, sumSq);
		expect(estimate.mean).toBeCloseTo(0.75, 10);
		expect(estimate.low).toBeCloseTo(-0.5297804, 6);
		expect(estimate.high).toBeCloseTo(2.0297804, 6);
	});

	it('has no interval below two answers', () => {
		expect(meanInterval(1, 4, null)).toBeNull();
		expect(meanEstimate(1, 4, 16)).toEqual({ n: 1, mean: 4, sd: null, low: null, high: null });
	});

	it('is the single point of the mean when every answer is equal', () => {
		expect(meanInterval(5, 3, 0)).toEqual({ low: 3, high: 3 });
	});
});
