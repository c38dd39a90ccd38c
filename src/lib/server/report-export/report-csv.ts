import { isShown, type ReportModel, type ReportTable } from '#lib/core/report/model.ts';
import { csvBom, csvLine, type CsvValue } from './csv.ts';
import type { ExportLabels } from './labels.ts';

/**
 * The report's tables as one CSV in long format: a record per table × row × column with the
 * measure, value, n and 95 % interval, or the words for a figure that is not shown (which then has
 * no number at all). The first columns are worded in the report's language; the last four are the
 * model's stable keys, for scripts. Overview tables come first, then each question's tables.
 *
 * Values are the model's (percentages 0–100), to four decimals so that binary fractions do not
 * show; rounding for reading is left to whoever reads (ADR 0020).
 */
export function reportCsv(model: ReportModel, labels: ExportLabels): string {
	const t = labels.text;
	let out =
		csvBom +
		csvLine([
			t.col_question(),
			t.col_table(),
			t.col_row(),
			t.col_column(),
			t.col_measure(),
			t.col_value(),
			t.col_n(),
			t.col_low(),
			t.col_high(),
			t.col_suppressed(),
			'table_id',
			'row_key',
			'column_key',
			'measure_code'
		]);
	const write = (question: string, table: ReportTable) => {
		for (const row of table.rows) {
			row.cells.forEach((figure, index) => {
				const column = table.columns[index]!;
				const common: CsvValue[] = [question, table.title, labels.label(row.label, row.key), labels.label(column.label, column.key), labels.measure(table.measure)];
				const keys: CsvValue[] = [table.id, row.key, column.key, table.measure];
				out += isShown(figure)
					? csvLine([...common, round(figure.value), figure.n, round(figure.interval?.low), round(figure.interval?.high), null, ...keys])
					: csvLine([...common, null, null, null, null, labels.suppressed(figure.suppressed), ...keys]);
			});
		}
	};
	for (const table of [...model.overview.tables, ...model.overview.headlines]) write(t.overview(), table);
	for (const question of model.questions) for (const table of question.tables) write(`${question.number}. ${question.text}`, table);
	return out;
}

function round(value: number | undefined): number | null {
	return value === undefined ? null : Math.round(value * 10_000) / 10_000;
}
