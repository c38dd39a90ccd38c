import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	adequacyFromSums,
	gapFromSums,
	happyIndex,
	nps,
	opportunityIndex,
	respondentGap,
	respondentLibqual,
	respondentOpportunity,
	superiorityFromSums,
	zoneOfTolerance
} from './indices.ts';

/** Counts of answers 0…10: `promoters` 10s, `passives` 8s, `detractors` 3s. */
function npsCounts(promoters: number, passives: number, detractors: number): Map<number, number> {
	return new Map([[10, promoters], [8, passives], [3, detractors]]);
}

describe('nps', () => {
	it('scores % promoters − % detractors with the adjusted-Wald interval', () => {
		// 50 promoters, 30 passives, 20 detractors: NPS = 50 − 20 = 30. Adjusted Wald (Rocks 2016):
		// n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456, centre 0.291262;
		// var = (0.694175 − 0.291262²)/103 = 0.0059159; half = 1.959964 × 0.076915 = 0.150751
		// → 14.05 … 44.20.
		const result = nps(npsCounts(50, 30, 20));
		expect(result).toMatchObject({ n: 100, promoters: 50, passives: 30, detractors: 20, score: 30 });
		expect(result?.low).toBeCloseTo(14.0511, 3);
		expect(result?.high).toBeCloseTo(44.2013, 3);
	});

	it('puts 9–10 in promoters, 7–8 in passives, 0–6 in detractors and ignores other keys', () => {
		const counts = new Map([[0, 1], [6, 2], [7, 3], [8, 4], [9, 5], [10, 6], [11, 100], [-1, 100]]);
		expect(nps(counts)).toMatchObject({ n: 21, promoters: 11, passives: 7, detractors: 3 });
	});

	it('returns null when nobody answered', () => {
		expect(nps(new Map())).toBeNull();
	});

	it('keeps the score and interval within −100…100, and the interval holds the score from n = 2', () => {
		fc.assert(
			fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (p, q, d) => {
				const result = nps(npsCounts(p, q, d));
				if (result === null) return p + q + d === 0;
				const { n, score, low, high } = result;
				const holdsScore = n < 2 || (low <= score + 1e-9 && score <= high + 1e-9);
				return [score, low, high].every((x) => x >= -100 && x <= 100) && low <= high && holdsScore;
			})
		);
	});

	it('centres the interval on the adjusted estimate, so one answer of 10 gives 100 but high < 100', () => {
		// n' = 4, p' = 1.75/4, d' = 0.75/4: centre 0.25, half = 1.959964 × √((0.625 − 0.0625)/4) = 0.734986.
		const result = nps(npsCounts(1, 0, 0));
		expect(result?.score).toBe(100);
		expect(result?.high).toBeCloseTo(98.4986, 3);
	});
});

describe('happyIndex', () => {
	it('weights the smileys 100, 66.7, 33.3 and 0 and gives the t-interval', () => {
		// 10 very happy, 5 happy, 3 unhappy, 2 very unhappy: on the 1–4 scale Σx = 63, Σx² = 219,
		// mean 3.15, s² = (219 − 63²/20)/19 = 1.081579, s = 1.039990; t(0.975, 19) = 2.093024,
		// half = 0.486727. Rescaled by (x − 1)/3 × 100: 71.667, interval 55.442 … 87.891.
		const result = happyIndex(new Map([[4, 10], [3, 5], [2, 3], [1, 2]]));
		expect(result?.n).toBe(20);
		expect(result?.score).toBeCloseTo(71.6667, 4);
		expect(result?.low).toBeCloseTo(55.4423, 3);
		expect(result?.high).toBeCloseTo(87.891, 3);
	});

	it('has a score but no interval for one answer, and is null for none', () => {
		expect(happyIndex(new Map([[4, 1]]))).toEqual({ n: 1, score: 100, low: null, high: null });
		expect(happyIndex(new Map([[5, 3]]))).toBeNull();
	});

	it('clamps the interval to 0…100', () => {
		// 1 unhappy, 4 very happy: mean 86.67, the raw t-interval reaches past 100.
		const result = happyIndex(new Map([[4, 4], [2, 1]]));
		expect(result?.high).toBe(100);
	});
});

describe('per-respondent measures', () => {
	it('takes the importance − performance gap', () => {
		expect(respondentGap(5, 3)).toBe(2);
	});

	it('adds the unmet part of importance to the Opportunity Index, never a surplus', () => {
		// Counting Opinions' OI = importance + max(0, importance − satisfaction).
		expect(respondentOpportunity(5, 3)).toBe(7);
		expect(respondentOpportunity(3, 5)).toBe(3);
	});

	it('gives LibQUAL adequacy and superiority, and drops an inversion', () => {
		expect(respondentLibqual(5, 8, 6)).toEqual({ adequacy: 1, superiority: -2 });
		expect(respondentLibqual(8, 5, 6)).toBeNull();
	});
});

describe('means of derived facets', () => {
	// Per-respondent gaps 1, 2, 3: Σ = 6, Σ² = 14, mean 2, s = 1; t(0.975, 2) = 4.302653,
	// half = 4.302653 / √3 = 2.484138.
	it.each([
		['gapFromSums', gapFromSums],
		['opportunityIndex', opportunityIndex],
		['adequacyFromSums', adequacyFromSums],
		['superiorityFromSums', superiorityFromSums]
	])('%s gives the mean with its t-interval', (_, estimate) => {
		const result = estimate(3, 6, 14);
		expect(result.mean).toBe(2);
		expect(result.sd).toBeCloseTo(1, 12);
		expect(result.low).toBeCloseTo(-0.484138, 5);
		expect(result.high).toBeCloseTo(4.484138, 5);
	});
});

describe('zoneOfTolerance', () => {
	it('places perceived below, within (edges included) or above the zone', () => {
		expect(zoneOfTolerance(6, 8, 5.9)?.position).toBe('below');
		expect(zoneOfTolerance(6, 8, 6)?.position).toBe('within');
		expect(zoneOfTolerance(6, 8, 8)?.position).toBe('within');
		expect(zoneOfTolerance(6, 8, 8.1)).toEqual({ low: 6, high: 8, perceived: 8.1, position: 'above' });
	});

	it('has no zone when a mean is missing or minimum exceeds desired', () => {
		expect(zoneOfTolerance(null, 8, 7)).toBeNull();
		expect(zoneOfTolerance(8, 6, 7)).toBeNull();
	});
});
