/**
 * From a report table to what a chart draws. Tables are the report's data (the same ones the page
 * shows beside the chart and the exports write); a chart reads them as follows:
 *
 * - stacked, diverging: rows are the answer options or scale points (row key = option code; the
 *   chart's `points` give the order and pick the rows to draw, so an N/A row is left out), columns
 *   are the groups — one bar per column, a distribution in each;
 * - dots, bars: rows are the things measured (items, options or rounds), columns are the groups;
 * - gap: rows keyed `minimum`/`desired`/`perceived` (LibQUAL zone of tolerance) or
 *   `importance`/`performance` (importance − performance gap), columns are the groups; a table of
 *   ready gaps (other row keys) is drawn as signed bars;
 * - radar: rows are the axes (three or more dimensions or items), columns are the series.
 */
import type { Figure, Measure, ReportChart, ReportTable, ShownFigure } from '../model.ts';
import { isShown } from '../model.ts';
import { isPercentMeasure } from '../format.ts';
import { ticks, type ChartText } from './frame.ts';

export interface ChartInput extends ChartText {
	chart: ReportChart;
	table: ReportTable;
}

export interface Series {
	key: string;
	label: string;
	cells: Figure[];
}

/** The rows a scale chart draws, in the order of the chart's points (rows not among them are left out). */
export function orderedRows(input: ChartInput): { key: string; label: string; cells: Figure[] }[] {
	const { chart, table } = input;
	if (!chart.points?.length) return table.rows;
	return chart.points.flatMap((point) => {
		const row = table.rows.find((candidate) => candidate.key === point.code);
		return row ? [{ key: row.key, label: point.label || row.label, cells: row.cells }] : [];
	});
}

/** Every shown figure of a table, with its interval. */
export function shownFigures(rows: { cells: Figure[] }[]): ShownFigure[] {
	return rows.flatMap((row) => row.cells.filter(isShown));
}

/**
 * The value range a chart draws: the whole range for percentages (0–100), happy index (0–100)
 * and NPS (−100–100); a scale's own points for means; otherwise the data and their intervals,
 * widened to round ticks and to include 0 for differences.
 */
export function domainFor(measure: Measure, points: ReportChart['points'], figures: ShownFigure[]): [number, number] {
	if (isPercentMeasure(measure) || measure === 'happy') return [0, 100];
	if (measure === 'nps') return [-100, 100];
	const numericPoints = (points ?? []).map((point) => Number(point.code)).filter(Number.isFinite);
	const values = figures.flatMap((figure) => [figure.value, ...(figure.interval ? [figure.interval.low, figure.interval.high] : [])]);
	if (measure === 'mean' && numericPoints.length >= 2) {
		return [Math.min(...numericPoints, ...values), Math.max(...numericPoints, ...values)];
	}
	const withZero = measure === 'mean' || measure === 'opportunity' ? values : [...values, 0];
	if (withZero.length === 0) return [0, 1];
	let low = Math.min(...withZero);
	let high = Math.max(...withZero);
	if (low === high) [low, high] = [low - 1, high + 1];
	const step = (() => {
		const marks = ticks([low, high]);
		return marks.length > 1 ? marks[1]! - marks[0]! : 1;
	})();
	return [Math.floor(low / step) * step, Math.ceil(high / step) * step];
}

/** Whether every cell of a column is shown (a partly hidden distribution is drawn as not shown). */
export function columnShown(rows: { cells: Figure[] }[], column: number): boolean {
	return rows.every((row) => {
		const cell = row.cells[column];
		return cell !== undefined && isShown(cell);
	});
}

/** The reason a column is not shown: the first suppressed cell's. */
export function columnReason(rows: { cells: Figure[] }[], column: number): 'small' | 'complementary' | 'empty' {
	for (const row of rows) {
		const cell = row.cells[column];
		if (cell && !isShown(cell)) return cell.suppressed;
	}
	return 'empty';
}
