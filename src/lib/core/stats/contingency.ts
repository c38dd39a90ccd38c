/**
 * Helpers of the chi-square test: tidying an r×c table, its expected counts, the small-expected-
 * count rule and the merging of sparse adjacent rows (ADR 0016).
 */

export interface RowGroupedTable {
	counts: number[][];
	/** For each row of `counts`, the input rows it holds. */
	rows: number[][];
}

const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The table's columns as arrays (its transpose). */
function columnsOf(counts: readonly (readonly number[])[]): number[][] {
	const width = counts[0]?.length ?? 0;
	return Array.from({ length: width }, (_, j) => counts.map((row) => row[j] ?? 0));
}

/**
 * Drops rows and columns without answers. Null when the table is ragged, holds a negative or
 * non-finite count, or fewer than two rows or columns remain.
 */
export function tidyTable(table: readonly (readonly number[])[]): RowGroupedTable | null {
	const width = table[0]?.length ?? 0;
	if (table.some((row) => row.length !== width || row.some((x) => !Number.isFinite(x) || x < 0))) return null;
	const keep = columnsOf(table).map((column) => total(column) > 0);
	const counts: number[][] = [];
	const rows: number[][] = [];
	table.forEach((row, i) => {
		if (total(row) === 0) return;
		counts.push(row.filter((_, j) => keep[j]));
		rows.push([i]);
	});
	if (counts.length < 2 || keep.filter(Boolean).length < 2) return null;
	return { counts, rows };
}

/** Expected counts under independence: row total × column total / grand total. */
export function expectedCounts(counts: readonly (readonly number[])[]): number[][] {
	const rowTotals = counts.map(total);
	const columnTotals = columnsOf(counts).map(total);
	const grand = total(rowTotals);
	return rowTotals.map((r) => columnTotals.map((c) => (r * c) / grand));
}

/**
 * Whether the chi-square approximation may be used: for a 2×2 table every expected count ≥ 5;
 * for larger tables Cochran's rule, no expected count under 1 and at most 20 % under 5.
 */
export function chiSquareRule(expected: readonly (readonly number[])[]): boolean {
	const cells = expected.flat();
	if (cells.length === 4 && expected.length === 2) return cells.every((e) => e >= 5);
	return cells.every((e) => e >= 1) && cells.filter((e) => e < 5).length <= 0.2 * cells.length;
}

/**
 * Merges the row with the smallest total into its neighbour with the smaller total (the earlier
 * one on a tie), so that only adjacent categories of a scale are ever put together.
 */
export function mergeSparsestRow(table: RowGroupedTable): RowGroupedTable {
	const totals = table.counts.map(total);
	const sparsest = totals.indexOf(Math.min(...totals));
	const before = totals[sparsest - 1] ?? Infinity;
	const after = totals[sparsest + 1] ?? Infinity;
	const first = before <= after ? sparsest - 1 : sparsest;
	const pair = table.counts.slice(first, first + 2);
	const merged = columnsOf(pair).map(total);
	const mergedRows = table.rows.slice(first, first + 2).flat();
	return {
		counts: table.counts.toSpliced(first, 2, merged),
		rows: table.rows.toSpliced(first, 2, mergedRows)
	};
}

/** Pearson's X² = Σ (observed − expected)² / expected, for a table whose expected counts are all > 0. */
export function pearsonStatistic(counts: readonly (readonly number[])[]): number {
	const expected = expectedCounts(counts).flat();
	return counts.flat().reduce((sum, observed, cell) => {
		const e = expected[cell] ?? 0;
		return sum + (observed - e) ** 2 / e;
	}, 0);
}
