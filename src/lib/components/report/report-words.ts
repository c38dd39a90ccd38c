import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/core/org-types.ts';
import type { FigureWords } from '#lib/core/report/format.ts';
import type { ChartWords } from '#lib/core/report/charts/render-chart.ts';
import type { ChartKind, Measure, ReportGroup, ReportNote, ReportScopeType, ReportTable, SuppressionReason, TestResult } from '#lib/core/report/model.ts';

/**
 * The report's UI words from the Paraglide messages, for the pure formatters and charts in core
 * (which read no catalogue). Every function takes the locale explicitly, so the same words serve
 * a page (the request's language) and an export in the report's own language.
 */
type Options = { locale: Locale };

export function figureWords(locale: Locale): FigureWords {
	const o: Options = { locale };
	return {
		interval: (low, high) => m.report_interval({ low, high }, o),
		suppressed: (reason, size) => suppressedText(reason, size, locale),
		percentagePoints: (value) => m.report_percentage_points({ value }, o)
	};
}

export function suppressedText(reason: SuppressionReason, size: number, locale: Locale): string {
	const o: Options = { locale };
	if (reason === 'small') return m.report_suppressed_small({ size }, o);
	if (reason === 'complementary') return m.report_suppressed_complementary({}, o);
	return m.report_suppressed_empty({}, o);
}

export function chartWords(locale: Locale, minGroupSize: number): ChartWords {
	return {
		notShown: m.report_not_shown({}, { locale }),
		notShownReason: (reason) => suppressedText(reason, minGroupSize, locale)
	};
}

const measureWords: Record<Measure, (inputs: Record<string, never>, options: Options) => string> = {
	respondents: m.report_measure_respondents,
	share: m.report_measure_share,
	top2: m.report_measure_top2,
	mean: m.report_measure_mean,
	nps: m.report_measure_nps,
	happy: m.report_measure_happy,
	gap: m.report_measure_gap,
	opportunity: m.report_measure_opportunity,
	adequacy: m.report_measure_adequacy,
	superiority: m.report_measure_superiority,
	response_rate: m.report_measure_response_rate
};

export function measureName(measure: Measure, locale: Locale): string {
	return measureWords[measure]({}, { locale });
}

/** Rows that the report builder leaves unlabelled because their name is a UI word, by row key. */
const rowWords: Record<string, (inputs: Record<string, never>, options: Options) => string> = {
	na: m.report_row_na,
	missing: m.report_row_missing,
	minimum: m.report_row_minimum,
	desired: m.report_row_desired,
	perceived: m.report_row_perceived,
	importance: m.report_row_importance,
	performance: m.report_row_performance,
	yes: m.report_row_yes,
	no: m.report_row_no
};

const channelWords: Record<string, (inputs: Record<string, never>, options: Options) => string> = {
	web: m.studies_channel_web,
	qr: m.studies_channel_qr,
	kiosk: m.studies_channel_kiosk,
	link: m.studies_channel_link,
	phone: m.studies_channel_phone,
	paper: m.studies_channel_paper
};
const languageWords: Record<string, (inputs: Record<string, never>, options: Options) => string> = {
	fi: m.studies_lang_fi,
	sv: m.studies_lang_sv,
	en: m.studies_lang_en
};

export function channelName(channel: string, locale: Locale): string {
	return channelWords[channel]?.({}, { locale }) ?? channel;
}

export function languageName(language: string, locale: Locale): string {
	return languageWords[language]?.({}, { locale }) ?? language;
}

/** The UI word for a group-like key ('all', 'level:perceived', 'channel:kiosk', 'language:sv'), if it is one. */
function keyName(key: string, locale: Locale): string | null {
	if (key === 'all') return m.report_column_all({}, { locale });
	const separator = key.indexOf(':');
	if (separator < 0) return null;
	const [kind, value] = [key.slice(0, separator), key.slice(separator + 1)];
	if (kind === 'level') return rowWords[value]?.({}, { locale }) ?? value;
	if (kind === 'channel') return channelName(value, locale);
	if (kind === 'language') return languageName(value, locale);
	return null;
}

/** A row's label: the builder's, else the UI word for its key, else the measure's name. */
export function rowName(key: string, label: string, measure: Measure, locale: Locale): string {
	if (label) return label;
	const word = rowWords[key];
	if (word) return word({}, { locale });
	if (key in measureWords) return measureName(key as Measure, locale);
	return keyName(key, locale) ?? measureName(measure, locale);
}

/** A column's label: the builder's, else the UI word for its key. */
export function columnName(group: ReportGroup, locale: Locale): string {
	return group.label || (keyName(group.key, locale) ?? group.key);
}

/**
 * A table's title: the builder's, else words for its kind, read from its id `<section>.<kind>`
 * (model.ts lists the kinds). `section` is the id's section part ('overview', an item id, or
 * item id and matrix row).
 */
export function tableTitle(table: ReportTable, section: string, locale: Locale): string {
	if (table.title) return table.title;
	const o: Options = { locale };
	const kind = table.id.startsWith(`${section}.`) ? table.id.slice(section.length + 1) : table.id.slice(table.id.lastIndexOf('.') + 1);
	if (kind === 'distribution') return m.report_table_distribution({}, o);
	if (kind.startsWith('distribution.')) return m.report_table_distribution_of({ facet: rowName(kind.slice('distribution.'.length), '', table.measure, locale) }, o);
	if (kind === 'levels') return m.report_table_levels({}, o);
	if (kind === 'gaps') return m.report_table_gaps({}, o);
	if (kind === 'yes') return m.report_table_yes({}, o);
	if (kind === 'change') return m.report_table_change({}, o);
	if (kind.startsWith('gap.')) return m.report_table_segment_gap({ groups: table.columns.map((column) => columnName(column, locale)).join(' – ') }, o);
	if (kind === 'respondents.rounds') return m.report_table_respondents_rounds({}, o);
	if (kind === 'respondents.channels') return m.report_table_respondents_channels({}, o);
	if (kind === 'respondents.languages') return m.report_table_respondents_languages({}, o);
	if (kind === 'libqual') return m.report_table_libqual({}, o);
	return measureName(table.measure, locale);
}

/** The table with a title and every row and column labelled, so charts and exports never print an empty label. */
export function labelledTable(table: ReportTable, section: string, locale: Locale): ReportTable {
	return {
		...table,
		title: tableTitle(table, section, locale),
		columns: table.columns.map((column) => ({ ...column, label: columnName(column, locale) })),
		rows: table.rows.map((row) => ({ ...row, label: rowName(row.key, row.label, table.measure, locale) }))
	};
}

const testWords: Record<TestResult['test'], (inputs: Record<string, never>, options: Options) => string> = {
	'chi-square': m.report_test_chi_square,
	fisher: m.report_test_fisher,
	'two-proportion-z': m.report_test_two_proportion_z,
	'welch-t': m.report_test_welch_t
};

export function testName(test: TestResult['test'], locale: Locale): string {
	return testWords[test]({}, { locale });
}

export function noteText(note: ReportNote, locale: Locale): string {
	const o: Options = { locale };
	switch (note.kind) {
		case 'test':
			return m.report_note_test({ test: testName(note.test, locale) }, o);
		case 'libqual_dropped':
			return m.report_note_libqual_dropped({ count: note.count }, o);
		case 'min_group':
			return m.report_note_min_group({ size: note.size }, o);
		case 'merged_categories':
			return m.report_note_merged({ labels: note.labels.join(', ') }, o);
		case 'not_comparable':
			return m.report_note_not_comparable({}, o);
	}
}

const chartDescriptions: Record<ChartKind, (inputs: Record<string, never>, options: Options) => string> = {
	stacked: m.report_chart_stacked,
	diverging: m.report_chart_diverging,
	dots: m.report_chart_dots,
	gap: m.report_chart_gap,
	radar: m.report_chart_radar,
	bars: m.report_chart_bars
};

export function chartDescription(kind: ChartKind, locale: Locale): string {
	return chartDescriptions[kind]({}, { locale });
}

const reasonWords: Record<string, (inputs: Record<string, never>, options: Options) => string> = {
	high_top2: m.report_reason_high_top2,
	low_top2: m.report_reason_low_top2,
	above_comparison: m.report_reason_above_comparison,
	below_comparison: m.report_reason_below_comparison,
	large_gap: m.report_reason_large_gap
};

/** Why a TOP-N entry ranks where it does, in words (unknown codes: nothing). */
export function reasonText(reason: string, locale: Locale): string {
	return reasonWords[reason]?.({}, { locale }) ?? '';
}

const scopeWords: Record<ReportScopeType, (inputs: Record<string, never>, options: Options) => string> = {
	library: m.report_scope_library,
	municipality: m.report_scope_municipality,
	network: m.report_scope_network
};

export function scopeTypeName(type: ReportScopeType, locale: Locale): string {
	return scopeWords[type]({}, { locale });
}
