/**
 * The report model: what every renderer reads — the report pages, the CLI's JSON/HTML/PDF/XLSX, the
 * CSV and XLSX exports and the public link. `buildReport` (core) makes it from cube rows; nothing
 * downstream computes a statistic or decides on suppression again. Texts from the instrument are
 * already resolved to the report's language; UI words (column headings, measure names) are codes
 * that renderers translate.
 *
 * Suppression is decided once, here: a suppressed figure carries no number at all (not even `n`),
 * so no renderer can leak it.
 */
import type { Locale } from '../org-types.ts';

export type ReportScopeType = 'library' | 'municipality' | 'network';

export interface ReportUnit {
	type: ReportScopeType;
	id: number;
	key: string;
	name: string;
}

export interface ReportRound {
	id: number;
	key: string;
	name: string;
	opensAt: string;
	closesAt: string;
}

/**
 * A column (or row) of comparison. `key` is stable and machine-readable:
 * 'unit:library:tampere-metso', 'segment:age_band:15-29', 'derived:age_band:45-plus',
 * 'round:2025-spring', 'channel:kiosk', 'language:sv', 'all'.
 */
export interface ReportGroup {
	key: string;
	kind: 'unit' | 'segment' | 'derived' | 'round' | 'channel' | 'language' | 'all';
	label: string;
	/** For kind 'unit': the unit (the report's own scope, the level above, or a library in a breakdown). */
	unit?: ReportUnit;
}

/** Why a figure is not shown. */
export type SuppressionReason =
	/** Fewer respondents than the minimum group size. */
	| 'small'
	/** Hidden so that a small group cannot be computed from a total and its siblings. */
	| 'complementary'
	/** Nobody answered. */
	| 'empty';

export interface Interval {
	low: number;
	high: number;
}

/** A shown figure: the value with its base and, where defined, its 95 % interval. */
export interface ShownFigure {
	value: number;
	n: number;
	interval?: Interval;
	/** For shares: how many of the `n` answers it counts (so exports can show counts beside percentages). */
	count?: number;
}
export type Figure = ShownFigure | { suppressed: SuppressionReason };

export function isShown(figure: Figure): figure is ShownFigure {
	return !('suppressed' in figure);
}

/**
 * What a figure measures. Shares are 0…100 (percent); means on the item's own scale; nps −100…100;
 * happy 0…100; gaps on the scale's units.
 */
export type Measure =
	| 'respondents'
	| 'share'
	| 'top2'
	| 'mean'
	| 'nps'
	| 'happy'
	| 'gap'
	| 'opportunity'
	| 'adequacy'
	| 'superiority'
	| 'response_rate';

/** A significance test as the report names it. */
export interface TestResult {
	test: 'chi-square' | 'fisher' | 'two-proportion-z' | 'welch-t';
	p: number;
	/** p after the multiple-comparison adjustment of its family (ADR 0016). */
	pAdjusted: number;
	n: [number, number];
	significant: boolean;
}

/** A test between two columns of a table: on one row, or (no `row`) of the whole distribution. */
export type ColumnTest = TestResult & { columns: [number, number]; row?: number };

/**
 * One table: every report section is tables (and charts drawn from them). Exports write tables.
 *
 * Ids are `<section>.<kind>`: the section is the item id, with `.<row id>` for a matrix row, or
 * `overview`. Kinds of a question: `distribution` (shares per value, then `na` and `missing` rows),
 * `distribution.importance` / `distribution.performance`, `top2`, `mean`, `nps`, `happy`, `yes`,
 * `levels` (importance/performance or LibQUAL minimum/desired/perceived means), `gap`, `gaps`
 * (LibQUAL adequacy/superiority), `opportunity`, `change` (columns: compare round, current round;
 * rows: the groups), `gap.<segment>.<from>.<to>` (columns: the two segment groups; rows: the
 * units). Overview kinds: `respondents.rounds`, `respondents.channels`, `respondents.languages`,
 * `response_rate`, `headlines.<measure>`, `libqual` (radar: rows items, columns levels).
 * A row or column label '' is a UI word: renderers word it from its key (`na`, `missing`, `top2`,
 * `mean`, `minimum`, `adequacy`, `level:perceived` …); a title '' likewise from the table's kind.
 * A question's tables carry the question's text as title.
 */
export interface ReportTable {
	id: string;
	title: string;
	/** The measure of the cells, so renderers format them (%, one decimal, signed gap …). */
	measure: Measure;
	columns: ReportGroup[];
	rows: ReportTableRow[];
	/** Optional note under the table (e.g. which test, how many LibQUAL triples were dropped). */
	notes?: ReportNote[];
	/** Tests between pairs of columns (segment breakdowns; a distribution between rounds). */
	tests?: ColumnTest[];
}

export interface ReportTableRow {
	key: string;
	label: string;
	/** One cell per column, in column order. */
	cells: Figure[];
	/** Where the row compares two columns (round change, segment gap): the test between them. */
	test?: TestResult & { columns: [number, number] };
}

export type ReportNote =
	| { kind: 'test'; test: TestResult['test'] }
	| { kind: 'libqual_dropped'; count: number }
	| { kind: 'min_group'; size: number }
	| { kind: 'merged_categories'; labels: string[] }
	/** The compare round asked the item differently (kind or scale changed): no test. */
	| { kind: 'not_comparable' };

export type ChartKind = 'stacked' | 'diverging' | 'dots' | 'gap' | 'radar' | 'bars';

/** A chart to draw from one of the section's tables (the table is always shown beside it). */
export interface ReportChart {
	kind: ChartKind;
	tableId: string;
	/** For scales: the points from lowest to highest, so stacked/diverging bars colour them in order. */
	points?: { code: string; label: string }[];
}

/** One question (item, or a matrix row) with its tables and charts. */
export interface QuestionSection {
	itemId: string;
	/** The matrix row id, or '' for a whole item. */
	facet: string;
	/** Question number as on the paper form, e.g. '7' or '7b'. */
	number: string;
	text: string;
	itemKind: string;
	tags: string[];
	/** Headline figure for the overview and TOP-N (top-2-box, mean, nps, happy …), per column of `columns`. */
	headline: { measure: Measure; cells: Figure[] } | null;
	tables: ReportTable[];
	charts: ReportChart[];
	/** LibQUAL: the zone of tolerance per column of `ReportModel.columns` (null where not shown). */
	zones?: (ZoneOfTolerance | null)[];
}

export interface ZoneOfTolerance {
	/** Mean minimum and mean desired level: the zone's edges. */
	low: number;
	high: number;
	perceived: number;
	position: 'below' | 'within' | 'above';
}

/** An entry of the TOP-N lists (ADR 0017 states the ranking rule). */
export interface TopEntry {
	itemId: string;
	facet: string;
	text: string;
	measure: Measure;
	figure: ShownFigure;
	/** The same measure for the comparison unit (the level above), when shown. */
	comparison?: ShownFigure & { group: string };
	/** Why it ranks here, as a code the renderer words: 'high_top2', 'low_top2', 'above_comparison', 'below_comparison', 'large_gap'. */
	reason: string;
	/** The test of the scope against the rest of the comparison unit, when it could be computed. */
	test?: TestResult;
}

/** A difference the report calls out: a segment gap or a round change, with its test. */
export interface Callout {
	itemId: string;
	facet: string;
	text: string;
	measure: Measure;
	from: ShownFigure & { group: ReportGroup };
	to: ShownFigure & { group: ReportGroup };
	difference: number;
	test: TestResult;
}

export interface OpenTextTheme {
	key: string;
	label: string;
	count: number;
	/** Quotes with e-mail addresses and phone numbers already masked. */
	quotes: string[];
}

export interface OpenTextSection {
	itemId: string;
	text: string;
	answers: number;
	/** TOP-3 (or as many as exist) themes; empty when the group is under the minimum size (then `answers` is 0). */
	themes: OpenTextTheme[];
	suppressed?: SuppressionReason;
}

export interface ReportFilter {
	roundId: number;
	/** The round compared with; null: none. (A request without one gets the round before `roundId`.) */
	compareRoundId: number | null;
	channel: string | null;
	language: string | null;
	/** Only respondents in this segment group: a plain value or a derived group of the report. */
	segment: { key: string; group: string } | null;
	/** Break questions down by this segment key (columns per segment group) instead of by unit. */
	breakdown: string | null;
}

export interface ReportModel {
	/** Bumped when the shape changes; the JSON export carries it. */
	modelVersion: 1;
	locale: Locale;
	generatedAt: string;
	study: { id: number; key: string; name: string; confidential: boolean; usesTokens: boolean };
	scope: ReportUnit;
	/** The units compared with the scope: its municipality and the networks the study covers (for a library). */
	comparisons: ReportUnit[];
	rounds: ReportRound[];
	filter: ReportFilter;
	minGroupSize: number;
	/**
	 * The columns of every question's headline and main tables: the scope, the units it is compared
	 * with and the units inside it; with a breakdown, the scope and its segment groups.
	 */
	columns: ReportGroup[];
	/** Segment keys with their groups (plain values and derived groups), for filter choices. */
	segments: { key: string; label: string; groups: { key: string; label: string; derived: boolean }[] }[];
	overview: {
		/** Respondents by unit column × round / channel / language; response rate where tokens are used. */
		tables: ReportTable[];
		/** Headline indices (NPS, happy index, overall grade …) for the scope and comparisons. */
		headlines: ReportTable[];
		strengths: TopEntry[];
		improvements: TopEntry[];
		roundChanges: Callout[];
		segmentGaps: Callout[];
		/** Charts of overview tables (the LibQUAL radar). */
		charts?: ReportChart[];
	};
	questions: QuestionSection[];
	openText: OpenTextSection[];
}
