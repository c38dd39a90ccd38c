import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/core/org-types.ts';
import { formatDifference, formatFigure, formatP } from '#lib/core/report/format.ts';
import { isShown, type Callout, type ColumnTest, type ReportTable, type ReportTableRow, type TestResult, type TopEntry } from '#lib/core/report/model.ts';
import { columnName, figureWords, measureName, reasonText, testName } from './report-words.ts';

/**
 * Sentences of the report: a significance test named with its p-value and n, a difference called
 * out between two groups, a TOP-N entry with its base and interval. Shared by the pages and the
 * standalone HTML, so they read the same everywhere.
 */

/** "Two-proportion z-test, p = 0.03, n = 191 and 212: a statistically significant difference." */
export function testSentence(test: TestResult, locale: Locale): string {
	const o = { locale };
	const p = formatP(test.p, locale);
	const adjusted = formatP(test.pAdjusted, locale);
	return m.report_callout_test(
		{
			test: testName(test.test, locale),
			p: adjusted === p ? p : m.report_p_adjusted({ p, adjusted }, o),
			n1: test.n[0].toLocaleString(locale),
			n2: test.n[1].toLocaleString(locale),
			significance: test.significant ? m.report_significant({}, o) : m.report_not_significant({}, o)
		},
		o
	);
}

/** The test column of a table row that compares two of its columns (a round change, a segment gap). */
export function rowTestText(table: ReportTable, row: ReportTableRow, locale: Locale): string {
	if (!row.test) return '';
	const [a, b] = row.test.columns;
	const from = row.cells[a];
	const to = row.cells[b];
	const difference =
		from && to && isShown(from) && isShown(to) ? formatDifference(table.measure, to.value - from.value, locale, figureWords(locale)) : '';
	return m.report_test_cell(
		{ from: table.columns[a]?.label ?? '', to: table.columns[b]?.label ?? '', difference, test: testSentence(row.test, locale) },
		{ locale }
	);
}

/** A test between two columns of a table (`table.tests`): "15–29 – 45+: Chi-square test, p = …". */
export function columnTestText(table: ReportTable, test: ColumnTest, locale: Locale): string {
	const [a, b] = test.columns;
	const inputs = { from: table.columns[a]?.label ?? '', to: table.columns[b]?.label ?? '', test: testSentence(test, locale) };
	const row = test.row === undefined ? undefined : table.rows[test.row];
	return row ? m.report_column_test_row({ ...inputs, row: row.label }, { locale }) : m.report_column_test_pair(inputs, { locale });
}

/** "Round 2025: 38 % → Round 2026: 49 %, difference +11 pp." */
export function calloutFigures(callout: Callout, locale: Locale, minGroupSize: number): string {
	const format = { locale, words: figureWords(locale), minGroupSize, withInterval: false };
	return m.report_callout_figures(
		{
			fromGroup: columnName(callout.from.group, locale),
			from: formatFigure(callout.measure, callout.from, format),
			toGroup: columnName(callout.to.group, locale),
			to: formatFigure(callout.measure, callout.to, format),
			difference: formatDifference(callout.measure, callout.difference, locale, figureWords(locale))
		},
		{ locale }
	);
}

/** A TOP-N entry's figure: "Agree (top two): 92 % (95% CI 88–95)". */
export function topFigure(entry: TopEntry, locale: Locale, minGroupSize: number): string {
	return `${measureName(entry.measure, locale)}: ${formatFigure(entry.measure, entry.figure, { locale, words: figureWords(locale), minGroupSize })}`;
}

/** What a TOP-N entry is compared with and why it ranks, as short phrases (either may be empty). */
export function topContext(entry: TopEntry, locale: Locale, groupLabel: (key: string) => string): string[] {
	const phrases: string[] = [];
	if (entry.comparison) {
		const value = formatFigure(entry.measure, entry.comparison, { locale, words: figureWords(locale), minGroupSize: 0, withInterval: false });
		phrases.push(m.report_top_comparison({ group: groupLabel(entry.comparison.group), value }, { locale }));
	}
	const reason = reasonText(entry.reason, locale);
	if (reason) phrases.push(reason);
	if (entry.test) phrases.push(m.report_top_test({ test: testSentence(entry.test, locale) }, { locale }));
	return phrases;
}

/** The label of a group key such as 'unit:network:pike', from the report's units (else the key). */
export function groupLabelIn(units: { type: string; key: string; name: string }[]): (key: string) => string {
	return (key) => units.find((unit) => `unit:${unit.type}:${unit.key}` === key)?.name ?? key;
}
