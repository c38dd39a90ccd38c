import type { AnswerableItem } from '../instrument/items.ts';
import type { Analyser, ColumnStats, RawFigure, TableSpec } from './analysers.ts';
import { decide, type ColumnSet, type Decided } from './columns.ts';
import type { ColumnTest, Figure, QuestionSection, ReportChart, ReportGroup, ReportNote, ReportTable, ReportTableRow } from './model.ts';
import type { SegmentComparison } from './settings.ts';
import { compareDistributions, compareSamples, type TestFamilies } from './significance.ts';
import type { Decision } from './suppression.ts';

/**
 * One question of the report (an item, or a matrix row): its tables for the report's columns,
 * its round change and its segment gaps, with every figure passed through the suppression
 * decisions of its column set (ADR 0018). Returns what the overview needs as well.
 */
export interface SectionSpec {
	key: string;
	item: AnswerableItem;
	facet: string;
	number: string;
	text: string;
	tags: string[];
	analyser: Analyser;
	/** Whether the compare round asked this question the same way (same kind and scale). */
	comparable: boolean;
}

/**
 * The columns of a segment gap: the segment sets of the scope and its comparison units side by
 * side in one set (`width` columns each, unit rows in that order); `from` and `to` are column
 * indices within one unit's block.
 */
export interface GapSets {
	comparison: SegmentComparison;
	from: number;
	to: number;
	width: number;
	set: ColumnSet;
	units: ReportGroup[];
}

export interface SectionEnv {
	minGroupSize: number;
	roundId: number;
	compare: { roundId: number; group: ReportGroup; currentGroup: ReportGroup } | null;
	units: ColumnSet;
	main: ColumnSet;
	/** With a breakdown: each main column's segment codes (null for the scope total), for disjoint pairs. */
	breakdown: { segment: string; codes: (readonly string[] | null)[] } | null;
	gaps: GapSets[];
	families: TestFamilies;
}

export interface SectionOutcome {
	spec: SectionSpec;
	section: QuestionSection;
	units: Decided;
	main: Decided;
	/** Tables whose row 0 is the scope, for round-change and segment-gap callouts. */
	change: ReportTable | null;
	gapTables: ReportTable[];
}

const maxPairGroups = 10;

/** A column's decision; a column that does not exist is treated as empty. */
export function decisionAt(decided: Decided, column: number): Decision {
	const decision = decided.decisions[column];
	return decision === undefined ? 'empty' : decision;
}

export function figure(decision: Decision, raw: RawFigure | null | undefined): Figure {
	if (decision !== null) return { suppressed: decision };
	if (!raw) return { suppressed: 'empty' };
	return { ...raw, ...(raw.interval ? { interval: { ...raw.interval } } : {}) };
}

function minGroupNote(rows: readonly ReportTableRow[], size: number): ReportNote[] {
	const hidden = rows.some((row) => row.cells.some((cell) => 'suppressed' in cell && cell.suppressed !== 'empty'));
	return hidden ? [{ kind: 'min_group', size }] : [];
}

function table(id: string, title: string, spec: Pick<TableSpec, 'measure'>, columns: ReportGroup[], rows: ReportTableRow[], minGroupSize: number, extra: Partial<ReportTable> = {}): ReportTable {
	const { notes: extraNotes = [], ...rest } = extra;
	const notes = [...extraNotes, ...minGroupNote(rows, minGroupSize)];
	return { id, title, measure: spec.measure, columns, rows, ...rest, ...(notes.length ? { notes } : {}) };
}

export function buildSection(spec: SectionSpec, env: SectionEnv): SectionOutcome {
	const { analyser } = spec;
	const units = decide(env.units, env.roundId, analyser, env.minGroupSize);
	const main = env.main === env.units ? units : decide(env.main, env.roundId, analyser, env.minGroupSize);
	const columns = env.main.columns.map((column) => column.group);
	const cell = (decided: Decided, column: number, pick: (stats: ColumnStats) => RawFigure | null | undefined) => figure(decisionAt(decided, column), pick(decided.stats[column]!));

	const tables: ReportTable[] = analyser.tables.map((tableSpec, t) =>
		table(
			`${spec.key}.${tableSpec.kind}`,
			spec.text,
			tableSpec,
			columns,
			tableSpec.rows.map((row, r) => ({ key: row.key, label: row.label, cells: columns.map((_, c) => cell(main, c, (stats) => stats.tables[t]?.[r])) })),
			env.minGroupSize
		)
	);
	const charts: ReportChart[] = analyser.tables.flatMap((tableSpec) =>
		tableSpec.chart ? [{ kind: tableSpec.chart, tableId: `${spec.key}.${tableSpec.kind}`, ...(tableSpec.points ? { points: tableSpec.points } : {}) }] : []
	);
	if (env.breakdown && analyser.measure) addPairTests(spec, env, main, tables);

	const change = env.compare ? changeTable(spec, env, main, tables) : null;
	if (change) {
		tables.push(change);
		if (change.rows.length > 0) charts.push({ kind: 'dots', tableId: change.id });
	}
	const gapTables = analyser.measure ? env.gaps.map((gap) => gapTable(spec, env, gap)) : [];
	for (const gap of gapTables) {
		tables.push(gap);
		charts.push({ kind: 'dots', tableId: gap.id });
	}

	const scopeShown = main.decisions[0] === null;
	const dropped = scopeShown ? (main.stats[0]?.dropped ?? 0) : 0;
	if (spec.item.kind === 'libqual' && dropped > 0) tables[0]!.notes = [...(tables[0]!.notes ?? []), { kind: 'libqual_dropped', count: dropped }];
	const section: QuestionSection = {
		itemId: spec.item.id,
		facet: spec.facet,
		number: spec.number,
		text: spec.text,
		itemKind: spec.item.kind,
		tags: spec.tags,
		headline: analyser.measure ? { measure: analyser.measure, cells: columns.map((_, c) => cell(main, c, (stats) => stats.headline)) } : null,
		tables,
		charts,
		...(spec.item.kind === 'libqual' ? { zones: columns.map((_, c) => (main.decisions[c] === null ? (main.stats[c]?.zone ?? null) : null)) } : {})
	};
	return { spec, section, units, main, change, gapTables };
}

/** Round against round: the headline per group (or, for choices, the scope's shares), with tests. */
function changeTable(spec: SectionSpec, env: SectionEnv, main: Decided, tables: ReportTable[]): ReportTable | null {
	const compare = env.compare!;
	const { analyser } = spec;
	const columns = [compare.group, compare.currentGroup];
	const id = `${spec.key}.change`;
	if (!spec.comparable) return table(id, spec.text, { measure: analyser.measure ?? 'share' }, columns, [], env.minGroupSize, { notes: [{ kind: 'not_comparable' }] });
	const before = decide(env.main, compare.roundId, analyser, env.minGroupSize);
	const family = 'change';
	if (analyser.measure) {
		const rows = env.main.columns.map((column, c): ReportTableRow => {
			const cells = [figure(decisionAt(before, c), before.stats[c]!.headline), figure(decisionAt(main, c), main.stats[c]!.headline)];
			const a = before.stats[c]!.sample;
			const b = main.stats[c]!.sample;
			const raw = cells.every((figure) => !('suppressed' in figure)) && a && b ? compareSamples(a, b) : null;
			return { key: column.group.key, label: column.group.label, cells, ...(raw ? { test: env.families.add(family, raw, { columns: [0, 1] as [number, number] }) } : {}) };
		});
		const tests = rows.flatMap((row) => (row.test ? [row.test.test] : []));
		return table(id, spec.text, { measure: analyser.measure }, columns, rows, env.minGroupSize, { notes: [...new Set(tests)].map((test) => ({ kind: 'test', test })) });
	}
	// Choices: the scope's shares in both rounds; one chi-square for a single choice, a z-test per option for a multiple choice.
	const distribution = tables[0]!;
	const shown = before.decisions[0] === null && main.decisions[0] === null;
	const rows: ReportTableRow[] = distribution.rows.map((row, r) => ({
		key: row.key,
		label: row.label,
		cells: [figure(decisionAt(before, 0), before.stats[0]!.tables[0]?.[r]), figure(decisionAt(main, 0), main.stats[0]!.tables[0]?.[r])]
	}));
	const extra: Partial<ReportTable> = {};
	const beforeOptions = before.stats[0]!.options;
	const afterOptions = main.stats[0]!.options;
	if (shown && beforeOptions && afterOptions) {
		rows.forEach((row, r) => {
			const raw = compareSamples({ kind: 'proportion', ...beforeOptions[r]! }, { kind: 'proportion', ...afterOptions[r]! });
			if (raw) row.test = env.families.add(family, raw, { columns: [0, 1] as [number, number] });
		});
		extra.notes = [{ kind: 'test', test: 'two-proportion-z' }];
	}
	const beforeCounts = before.stats[0]!.counts;
	const afterCounts = main.stats[0]!.counts;
	if (shown && beforeCounts && afterCounts) {
		const result = compareDistributions(beforeCounts, afterCounts);
		if (result) {
			const { merged, ...raw } = result;
			extra.tests = [env.families.add(family, raw, { columns: [0, 1] as [number, number] })];
			extra.notes = [{ kind: 'test', test: raw.test }, ...(merged.length ? [{ kind: 'merged_categories' as const, labels: merged.map((indices) => indices.map((i) => rows[i]?.label ?? '').join(' + ')) }] : [])];
		}
	}
	return table(id, spec.text, { measure: 'share' }, columns, rows, env.minGroupSize, extra);
}

/** A configured segment gap (e.g. 15–29 against 45+) for the scope and each comparison unit. */
function gapTable(spec: SectionSpec, env: SectionEnv, gap: GapSets): ReportTable {
	const { analyser } = spec;
	const { comparison } = gap;
	const decided = decide(gap.set, env.roundId, analyser, env.minGroupSize);
	const columns = [gap.set.columns[gap.from]!.group, gap.set.columns[gap.to]!.group];
	const rows = gap.units.map((group, index): ReportTableRow => {
		const [from, to] = [index * gap.width + gap.from, index * gap.width + gap.to];
		const cells = [from, to].map((c) => figure(decisionAt(decided, c), decided.stats[c]!.headline));
		const a = decided.stats[from]!.sample;
		const b = decided.stats[to]!.sample;
		const raw = cells.every((figure) => !('suppressed' in figure)) && a && b ? compareSamples(a, b) : null;
		return { key: group.key, label: group.label, cells, ...(raw ? { test: env.families.add('gap', raw, { columns: [0, 1] as [number, number] }) } : {}) };
	});
	const tests = [...new Set(rows.flatMap((row) => (row.test ? [row.test.test] : [])))];
	return table(`${spec.key}.gap.${comparison.segment}.${comparison.from}.${comparison.to}`, spec.text, { measure: analyser.measure! }, columns, rows, env.minGroupSize, {
		notes: tests.map((test) => ({ kind: 'test', test }))
	});
}

/** With a breakdown: tests between every two disjoint segment groups shown, on the headline table. */
function addPairTests(spec: SectionSpec, env: SectionEnv, main: Decided, tables: ReportTable[]): void {
	const breakdown = env.breakdown!;
	const index = spec.analyser.tables.findIndex((tableSpec) => tableSpec.measure === spec.analyser.measure);
	const target = tables[index];
	if (!target) return;
	const groups = breakdown.codes.map((codes, c) => ({ codes, c })).filter(({ codes, c }) => codes !== null && main.decisions[c] === null);
	if (groups.length < 2 || groups.length > maxPairGroups) return;
	const tests: ColumnTest[] = [];
	for (let i = 0; i < groups.length; i++) {
		for (let j = i + 1; j < groups.length; j++) {
			const a = groups[i]!;
			const b = groups[j]!;
			if (a.codes!.some((code) => b.codes!.includes(code))) continue;
			const sampleA = main.stats[a.c]!.sample;
			const sampleB = main.stats[b.c]!.sample;
			const raw = sampleA && sampleB ? compareSamples(sampleA, sampleB) : null;
			if (!raw) continue;
			tests.push(env.families.add('gap', raw, { columns: [a.c, b.c] as [number, number], row: 0 }));
		}
	}
	if (tests.length > 0) {
		target.tests = tests;
		target.notes = [...(target.notes ?? []), ...[...new Set(tests.map((test) => test.test))].map((test): ReportNote => ({ kind: 'test', test }))];
	}
}

