/** @param {number[]} values */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A plain-text table: the first row is the header, numbers right-aligned.
 * @param {(string | number)[][]} rows
 */
export function table(rows) {
	const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toFixed(0) : cell)));
	const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)));
	const line = (/** @type {string[]} */ row) =>
		row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
