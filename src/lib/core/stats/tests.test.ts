import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquare, fisherExact2x2, twoProportionZ, welchT } from './tests.ts';
import { meanFromSums } from './descriptive.ts';

describe('chiSquare', () => {
	it('matches the party identification × gender table (Agresti 2007, §2.4)', () => {
		// Rows Democrat, Independent, Republican; columns female, male. R:
		// chisq.test(rbind(c(762, 327, 468), c(484, 239, 477))) → X-squared = 30.07, df = 2, p = 2.954e-07.
		const result = chiSquare([[762, 484], [327, 239], [468, 477]]);
		expect(result?.test).toBe('chi-square');
		expect(result?.statistic).toBeCloseTo(30.0701, 4);
		expect(result?.df).toBe(2);
		expect(result?.p).toBeCloseTo(2.9536e-7, 10);
		expect(result?.rows).toEqual([[0], [1], [2]]);
	});

	it('merges sparse adjacent categories until Cochran\'s rule holds', () => {
		// Row totals 1, 5, 22, 35, 37 of 100, two groups of 50. Row 0 (expected 0.5 < 1) joins row 1;
		// then 2 of 8 expected counts are 3 < 5 (25 % > 20 %), so rows 0–1 join row 2, leaving
		// [13, 15], [20, 15], [17, 20] with expected 14, 17.5, 18.5:
		// X² = 2/14 + 2 × 2.5²/17.5 + 2 × 1.5²/18.5 = 1.100386, df 2, p = e^(−X²/2) = 0.576838.
		const result = chiSquare([[1, 0], [2, 3], [10, 12], [20, 15], [17, 20]]);
		expect(result?.rows).toEqual([[0, 1, 2], [3], [4]]);
		expect(result?.minExpected).toBeCloseTo(0.5, 12);
		expect(result?.statistic).toBeCloseTo(1.100386, 6);
		expect(result?.p).toBeCloseTo(0.576838, 6);
	});

	it('falls back to Fisher\'s exact test for a sparse 2×2 table (the lady tasting tea)', () => {
		// Fisher (1935): 3 of 4 milk-first cups named right; expected counts 2 < 5. Two-sided p = 0.4857.
		const result = chiSquare([[3, 1], [1, 3]]);
		expect(result).toMatchObject({ test: 'fisher', statistic: null, df: null, minExpected: 2 });
		expect(result?.p).toBeCloseTo(0.485714, 6);
	});

	it('merges a sparse r×2 table down to 2×2 and then uses Fisher', () => {
		// Totals 2, 3, 5: 2 joins 3 ([2, 3] → [3, 2]); then [[3, 2], [1, 4]] is sparse, Fisher:
		// tables a = 0…4 with P = 1/42, 10/42, 20/42, 10/42, 1/42; observed a = 3 → p = 22/42.
		const result = chiSquare([[1, 1], [2, 1], [1, 4]]);
		expect(result?.test).toBe('fisher');
		expect(result?.rows).toEqual([[0, 1], [2]]);
		expect(result?.p).toBeCloseTo(22 / 42, 10);
	});

	it('drops rows and columns without answers', () => {
		const withEmpty = chiSquare([[0, 0, 0], [762, 0, 484], [327, 0, 239], [468, 0, 477]]);
		expect(withEmpty?.statistic).toBeCloseTo(30.0701, 4);
		expect(withEmpty?.rows).toEqual([[1], [2], [3]]);
	});

	it('returns null when there is nothing to test or no valid test', () => {
		expect(chiSquare([])).toBeNull();
		expect(chiSquare([[5, 6]])).toBeNull();
		expect(chiSquare([[5, 0], [6, 0]])).toBeNull();
		expect(chiSquare([[1, 2], [3]])).toBeNull();
		// 2 × 3 with expected counts under 1: no rows to merge and not a 2×2 table.
		expect(chiSquare([[1, 0, 1], [0, 1, 1]])).toBeNull();
	});

	it('always gives a p in 0…1 and never NaN', () => {
		const table = fc.array(fc.array(fc.nat(40), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 6 });
		fc.assert(
			fc.property(table, (counts) => {
				const result = chiSquare(counts);
				return result === null || (result.p >= 0 && result.p <= 1 && Number.isFinite(result.minExpected));
			})
		);
	});
});

describe('fisherExact2x2', () => {
	it('gives the two-sided p of the dieting example', () => {
		// Men 1 dieting / 11 not, women 9 / 3: R fisher.test(rbind(c(1, 9), c(11, 3))) → p = 0.002759.
		expect(fisherExact2x2(1, 9, 11, 3)?.p).toBeCloseTo(0.0027595, 6);
	});

	it('is 1 when a margin is empty, null for an empty table', () => {
		expect(fisherExact2x2(0, 0, 3, 4)?.p).toBeCloseTo(1, 12);
		expect(fisherExact2x2(0, 0, 0, 0)).toBeNull();
	});
});

describe('twoProportionZ', () => {
	it('uses the pooled standard error', () => {
		// 45/100 vs 60/100: p̂ = 0.525, se = √(0.525 × 0.475 × 0.02) = 0.0706223, z = 0.15 / se = 2.123977,
		// p = 0.033672 (R prop.test(c(45, 60), c(100, 100), correct = FALSE): X² = z² = 4.5113, p = 0.03367).
		const result = twoProportionZ(45, 100, 60, 100);
		expect(result?.difference).toBeCloseTo(0.15, 12);
		expect(result?.z).toBeCloseTo(2.123977, 6);
		expect(result?.p).toBeCloseTo(0.033672, 6);
	});

	it('returns null for an empty group or no variance', () => {
		expect(twoProportionZ(0, 0, 3, 10)).toBeNull();
		expect(twoProportionZ(10, 10, 5, 5)).toBeNull();
	});
});

describe('welchT', () => {
	it('matches R t.test(extra ~ group, data = sleep)', () => {
		// R: t = −1.8608, df = 17.776, p-value = 0.07939 (group 1 − group 2; here group 2 − group 1).
		const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
		const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
		const [a, b] = [group1, group2].map((xs) =>
			meanFromSums(xs.length, xs.reduce((s, x) => s + x, 0), xs.reduce((s, x) => s + x * x, 0))
		);
		const result = welchT(a!.n, a!.mean, a!.sd, b!.n, b!.mean, b!.sd);
		expect(result?.difference).toBeCloseTo(1.58, 10);
		expect(result?.t).toBeCloseTo(1.860813, 5);
		expect(result?.df).toBeCloseTo(17.776474, 5);
		expect(result?.p).toBeCloseTo(0.079394, 6);
	});

	it('returns null below two answers a group or with no variance', () => {
		expect(welchT(1, 3, null, 10, 4, 1)).toBeNull();
		expect(welchT(5, 3, 0, 5, 4, 0)).toBeNull();
	});
});
