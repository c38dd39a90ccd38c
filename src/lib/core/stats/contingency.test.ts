import { describe, expect, it } from 'vitest';
import { chiSquareRule, expectedCounts, mergeSparsestRow } from './contingency.ts';

describe('expectedCounts', () => {
	it('is row total × column total / grand total', () => {
		// Totals: rows 10 and 30, columns 20 and 20, grand 40 → 5, 5 / 15, 15.
		expect(expectedCounts([[8, 2], [12, 18]])).toEqual([[5, 5], [15, 15]]);
	});
});

describe('chiSquareRule', () => {
	it('needs every expected count ≥ 5 in a 2×2 table', () => {
		expect(chiSquareRule([[5, 5], [15, 15]])).toBe(true);
		expect(chiSquareRule([[4.9, 5], [15, 15]])).toBe(false);
	});

	it('allows up to 20 % of cells under 5, none under 1, in larger tables (Cochran 1954)', () => {
		const tenCells = (low: number[]) => [[...low, ...Array(5 - low.length).fill(9)], [9, 9, 9, 9, 9]];
		expect(chiSquareRule(tenCells([4, 4]))).toBe(true);
		expect(chiSquareRule(tenCells([4, 4, 4]))).toBe(false);
		expect(chiSquareRule(tenCells([0.9]))).toBe(false);
	});
});

describe('mergeSparsestRow', () => {
	it('merges the sparsest row into its smaller neighbour, the earlier one on a tie', () => {
		const table = { counts: [[4, 4], [1, 0], [3, 5], [2, 2]], rows: [[0], [1], [2], [3]] };
		// Row 1 (total 1) has neighbours of 8 and 8: it joins row 0.
		expect(mergeSparsestRow(table)).toEqual({ counts: [[5, 4], [3, 5], [2, 2]], rows: [[0, 1], [2], [3]] });
	});

	it('merges a sparsest last row into the row before it', () => {
		const table = { counts: [[4, 4], [3, 5], [1, 0]], rows: [[0], [1, 2], [3]] };
		expect(mergeSparsestRow(table)).toEqual({ counts: [[4, 4], [4, 5]], rows: [[0], [1, 2, 3]] });
	});
});
