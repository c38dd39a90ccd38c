import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holm, isSignificant } from './multiple.ts';

describe('holm', () => {
	it('matches R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")', () => {
		// Sorted: 0.005 × 4 = 0.02, 0.01 × 3 = 0.03, 0.03 × 2 = 0.06, 0.04 × 1 = 0.04 → max(0.06, 0.04).
		const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
		[0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
	});

	it('caps at 1 and keeps nulls out of the family', () => {
		const adjusted = holm([0.6, null, 0.2]);
		expect(adjusted[1]).toBeNull();
		expect(adjusted[0]).toBeCloseTo(0.6, 12); // max(0.2 × 2, 0.6 × 1)
		expect(adjusted[2]).toBeCloseTo(0.4, 12);
		expect(holm([0.9, 0.8])).toEqual([1, 1]);
	});

	it('never lowers a p-value, stays ≤ 1 and keeps the order of the raw p-values', () => {
		const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });
		fc.assert(
			fc.property(pValues, (raw) => {
				const adjusted = holm(raw);
				return raw.every((p, i) => {
					const a = adjusted[i] ?? -1;
					const monotone = raw.every((q, j) => !(p < q) || a <= (adjusted[j] ?? -1));
					return a >= p && a <= 1 && monotone;
				});
			})
		);
	});
});

describe('isSignificant', () => {
	it('uses 0.05, strictly', () => {
		expect(isSignificant(0.049)).toBe(true);
		expect(isSignificant(0.05)).toBe(false);
	});
});
