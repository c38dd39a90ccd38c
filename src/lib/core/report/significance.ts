import { chiSquare, holm, isSignificant, twoProportionZ, welchT } from '../stats/index.ts';
import type { Sample } from './analysers.ts';
import type { TestResult } from './model.ts';

/**
 * The report's significance tests and their multiple-comparison families (ADR 0016): a family is
 * every test the report computes for one purpose — `change` (round against round, every question
 * and every group), `gap` (segment gaps, the configured comparisons and a breakdown's pairs), `top`
 * (the scope against its comparison unit, for TOP-N). Holm's method adjusts the p-values within a
 * family once every question has been computed.
 */
export type RawTest = Omit<TestResult, 'pAdjusted' | 'significant'>;

/** The test fields alone (without where the test sits), for callouts and TOP entries. */
export function testOf(test: TestResult): TestResult {
	return { test: test.test, p: test.p, pAdjusted: test.pAdjusted, n: [test.n[0], test.n[1]], significant: test.significant };
}

export class TestFamilies {
	readonly #families = new Map<string, TestResult[]>();

	/**
	 * Records a test (with extra fields for where it sits, e.g. the columns it compares) and returns
	 * the object the report keeps; `pAdjusted` and `significant` are filled in by `adjust`.
	 */
	add<E extends object>(family: 'change' | 'gap' | 'top', test: RawTest, extra: E): TestResult & E {
		const result: TestResult & E = { ...test, ...extra, pAdjusted: test.p, significant: false };
		let members = this.#families.get(family);
		if (!members) this.#families.set(family, (members = []));
		members.push(result);
		return result;
	}

	adjust(): void {
		for (const members of this.#families.values()) {
			const adjusted = holm(members.map((member) => member.p));
			members.forEach((member, index) => {
				member.pAdjusted = adjusted[index] ?? member.p;
				member.significant = isSignificant(member.pAdjusted);
			});
		}
	}
}

/**
 * The test of a headline measure between two groups: the two-proportion z-test for a share,
 * Welch's t-test for a mean (NPS and the happy index as means of their recoded answers). Null
 * when it cannot be computed (too few answers, no variance).
 */
export function compareSamples(a: Sample, b: Sample): RawTest | null {
	if (a.kind === 'proportion' && b.kind === 'proportion') {
		const result = twoProportionZ(a.k, a.n, b.k, b.n);
		return result && { test: 'two-proportion-z', p: result.p, n: [a.n, b.n] };
	}
	if (a.kind === 'mean' && b.kind === 'mean') {
		const result = welchT(a.n, a.mean, a.sd, b.n, b.mean, b.sd);
		return result && { test: 'welch-t', p: result.p, n: [a.n, b.n] };
	}
	return null;
}

/**
 * Chi-square (or Fisher's exact test) of two distributions given as counts per category in the
 * same order; `merged` lists the input rows put together because of small expected counts.
 */
export function compareDistributions(a: readonly number[], b: readonly number[]): (RawTest & { merged: number[][] }) | null {
	const result = chiSquare(a.map((count, index) => [count, b[index] ?? 0]));
	if (!result) return null;
	const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);
	return { test: result.test, p: result.p, n: [sum(a), sum(b)], merged: result.rows.filter((rows) => rows.length > 1) };
}
