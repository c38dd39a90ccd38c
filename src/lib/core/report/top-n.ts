import { wilson } from '../stats/index.ts';
import type { ColumnSet } from './columns.ts';
import type { ShownFigure, TestResult, TopEntry } from './model.ts';
import type { SectionOutcome } from './sections.ts';
import { compareSamples, testOf, type TestFamilies } from './significance.ts';
import { subtractSlice } from './slices.ts';

/**
 * TOP-N strengths and improvement areas (ADR 0017). Every question with a favourable share —
 * top-2-box of a rating or matrix row, promoters (9–10) of NPS, the two happy smileys, grades 9–10,
 * the yes-share of a checklist item, the performance top-2-box of an importance × performance
 * pair — whose figure for the scope is shown takes part. Strengths are the highest shares,
 * improvement areas the lowest (ties: the narrower side of the Wilson interval, then form order);
 * each list holds at most 5 and at most half of the questions, so no question is in both. Each
 * entry carries the comparison unit's share (the level above) when shown, and the z-test of the
 * scope against the rest of that unit (the unit minus the scope, so the samples are independent);
 * a significant difference becomes the entry's reason.
 */
export const topN = 5;

interface Candidate {
	outcome: SectionOutcome;
	figure: ShownFigure;
	comparison?: ShownFigure & { group: string };
	test?: TestResult & { difference: number };
}

function share(k: number, n: number): ShownFigure {
	const interval = wilson(k, n);
	return { value: (100 * k) / n, n, count: k, ...(interval ? { interval: { low: 100 * interval.low, high: 100 * interval.high } } : {}) };
}

/**
 * Collects the candidates and records their comparison tests (before the families are adjusted).
 * The comparison is the nearest comparison unit shown for the question (a hidden municipality
 * gives way to the network); `inside(roundId, column)` says whether the scope lies inside it, so
 * the test is against the unit without the scope.
 */
export function topCandidates(
	outcomes: readonly SectionOutcome[],
	units: ColumnSet,
	comparisonCount: number,
	roundId: number,
	minGroupSize: number,
	families: TestFamilies,
	inside: (roundId: number, column: number) => boolean
): Candidate[] {
	const candidates: Candidate[] = [];
	for (const outcome of outcomes) {
		const scope = outcome.units.stats[0]?.favourable;
		if (outcome.units.decisions[0] !== null || !scope || scope.n < minGroupSize) continue;
		const candidate: Candidate = { outcome, figure: share(scope.k, scope.n) };
		const column = Array.from({ length: comparisonCount }, (_, index) => 1 + index).find((c) => {
			const other = outcome.units.stats[c]?.favourable;
			return outcome.units.decisions[c] === null && other && other.n >= minGroupSize;
		});
		if (column !== undefined) {
			const other = outcome.units.stats[column]!.favourable!;
			const group = units.columns[column]!.group;
			candidate.comparison = { ...share(other.k, other.n), group: group.key };
			const restSlice = inside(roundId, column) ? subtractSlice(units.columns[column]!.slice(roundId), units.columns[0]!.slice(roundId)) : units.columns[column]!.slice(roundId);
			const rest = outcome.spec.analyser.compute(restSlice).favourable;
			const raw = rest && rest.n >= minGroupSize ? compareSamples({ kind: 'proportion', ...rest }, { kind: 'proportion', ...scope }) : null;
			if (raw && rest) {
				const difference = (100 * scope.k) / scope.n - (100 * rest.k) / rest.n;
				candidate.test = families.add('top', raw, { difference });
			}
		}
		candidates.push(candidate);
	}
	return candidates;
}

/** The two lists, after the tests were adjusted. */
export function topLists(candidates: readonly Candidate[]): { strengths: TopEntry[]; improvements: TopEntry[] } {
	const size = Math.min(topN, Math.floor(candidates.length / 2));
	const order = new Map(candidates.map((candidate, index) => [candidate, index]));
	const low = (c: Candidate) => c.figure.interval?.low ?? c.figure.value;
	const high = (c: Candidate) => c.figure.interval?.high ?? c.figure.value;
	const strengths = [...candidates]
		.sort((a, b) => b.figure.value - a.figure.value || low(b) - low(a) || order.get(a)! - order.get(b)!)
		.slice(0, size);
	const improvements = [...candidates]
		.sort((a, b) => a.figure.value - b.figure.value || high(a) - high(b) || order.get(a)! - order.get(b)!)
		.slice(0, size);
	return { strengths: strengths.map((c) => entry(c, 'strength')), improvements: improvements.map((c) => entry(c, 'improvement')) };
}

function entry(candidate: Candidate, list: 'strength' | 'improvement'): TopEntry {
	const { outcome, figure, comparison, test } = candidate;
	const significant = test?.significant === true;
	const reason =
		list === 'strength'
			? significant && test!.difference > 0
				? 'above_comparison'
				: 'high_top2'
			: significant && test!.difference < 0
				? 'below_comparison'
				: 'low_top2';
	return {
		itemId: outcome.spec.item.id,
		facet: outcome.spec.facet,
		text: outcome.section.text,
		measure: 'top2',
		figure,
		...(comparison ? { comparison } : {}),
		reason,
		...(test ? { test: testOf(test) } : {})
	};
}
