import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribution, meanFromSums, topBoxShare } from './descriptive.ts';

describe('distribution', () => {
	it('gives each code its share of the total, in the order given', () => {
		// 12 / 30 = 0.4, 15 / 30 = 0.5, 3 / 30 = 0.1
		expect(distribution({ yes: 12, no: 15, maybe: 3 })).toEqual([
			{ code: 'yes', n: 12, share: 0.4 },
			{ code: 'no', n: 15, share: 0.5 },
			{ code: 'maybe', n: 3, share: 0.1 }
		]);
	});

	it('returns null when nobody answered instead of dividing by zero', () => {
		expect(distribution({})).toBeNull();
		expect(distribution({ a: 0, b: 0 })).toBeNull();
	});

	it('shares sum to 1, and whole percents to 100 within half a point per category', () => {
		const counts = fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.nat(10_000), { minKeys: 1 });
		fc.assert(
			fc.property(counts, (input) => {
				const rows = distribution(input);
				if (rows === null) return Object.values(input).every((n) => n === 0);
				const sum = rows.reduce((s, row) => s + row.share, 0);
				const percents = rows.reduce((s, row) => s + Math.round(100 * row.share), 0);
				return Math.abs(sum - 1) < 1e-9 && Math.abs(percents - 100) <= rows.length / 2;
			})
		);
	});
});

describe('meanFromSums', () => {
	it('matches the textbook sample 2, 4, 4, 4, 5, 5, 7, 9', () => {
		// Σx = 40, Σx² = 232: mean 5; s² = (232 − 40²/8) / 7 = 32 / 7, s = 2.13809 (population sd 2).
		const result = meanFromSums(8, 40, 232);
		expect(result.mean).toBe(5);
		expect(result.sd).toBeCloseTo(2.13809, 5);
	});

	it('has a mean but no sd for one answer, and neither for none', () => {
		expect(meanFromSums(1, 4, 16)).toEqual({ n: 1, mean: 4, sd: null });
		expect(meanFromSums(0, 0, 0)).toEqual({ n: 0, mean: null, sd: null });
	});

	it('clamps rounding below zero to an sd of 0 when every answer is equal', () => {
		// 3 × 0.1: Σx² − (Σx)²/n is −1.4e-17 in floating point, which would give NaN.
		expect(meanFromSums(3, 0.1 + 0.1 + 0.1, 0.01 + 0.01 + 0.01).sd).toBe(0);
	});
});

describe('topBoxShare', () => {
	it('counts the two highest points of a 1–5 scale', () => {
		// 4 and 5: 30 + 20 = 50 of 100.
		const counts = new Map([[1, 5], [2, 15], [3, 30], [4, 30], [5, 20]]);
		expect(topBoxShare(counts, [1, 2, 3, 4, 5], 2)).toEqual({ n: 100, k: 50, share: 0.5 });
	});

	it('leaves codes outside the scale out of the base', () => {
		const counts = new Map([[4, 3], [5, 1], [0, 6]]);
		expect(topBoxShare(counts, [5, 4, 3, 2, 1])).toEqual({ n: 4, k: 4, share: 1 });
	});

	it('has no share without answers', () => {
		expect(topBoxShare(new Map(), [1, 2, 3, 4, 5])).toEqual({ n: 0, k: 0, share: null });
	});
});
