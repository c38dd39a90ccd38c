import type { Analyser } from './analysers.ts';
import { decide, type ColumnSet, type UnitInput } from './columns.ts';
import { isShown, type Callout, type Figure, type ReportGroup, type ReportRound, type ReportTable, type ReportTableRow } from './model.ts';
import { decisionAt, figure, type SectionOutcome } from './sections.ts';
import { suppressGroups, type Relation } from './suppression.ts';
import { testOf } from './significance.ts';

/**
 * The overview of a report: respondents by round, channel and language, the response rate of a
 * token study, the headline indices, the LibQUAL radar and the callouts (significant round
 * changes and segment gaps). TOP-N lists are in top-n.ts.
 */
export const respondentsAnalyser: Analyser = {
	measure: 'respondents',
	tables: [{ kind: 'respondents', measure: 'respondents', rows: [{ key: 'respondents', label: '' }] }],
	compute: (slice) => ({
		sizes: [slice.respondents],
		tables: [[slice.respondents > 0 ? { value: slice.respondents, n: slice.respondents } : null]],
		headline: null,
		sample: null,
		favourable: null,
		counts: null,
		options: null,
		zone: null,
		dropped: 0
	})
};

export function roundGroup(round: ReportRound): ReportGroup {
	return { key: `round:${round.key}`, kind: 'round', label: round.name };
}

/** Respondents per unit column in every round of the study. */
export function respondentsByRound(units: ColumnSet, rounds: readonly ReportRound[], minGroupSize: number): ReportTable {
	const rows = rounds.map((round): ReportTableRow => {
		const decided = decide(units, round.id, respondentsAnalyser, minGroupSize);
		return { key: roundGroup(round).key, label: round.name, cells: units.columns.map((_, c) => figure(decisionAt(decided, c), decided.stats[c]!.tables[0]?.[0])) };
	});
	return withMinNote({ id: 'overview.respondents.rounds', title: '', measure: 'respondents', columns: units.columns.map((column) => column.group), rows }, minGroupSize);
}

export interface RespondentCount {
	dimension: 'channel' | 'language';
	group: string;
	roundId: number;
	value: string;
	n: number;
}

/**
 * Respondents per channel or language (current round) per unit column. Every cell is a group: a
 * cell under the minimum is hidden, the cells of a column add up to the column's respondents
 * (shown in the rounds table), and each row adds up across units like the units do.
 */
export function respondentsBy(
	dimension: 'channel' | 'language',
	counts: readonly RespondentCount[],
	units: ColumnSet,
	unitInputs: readonly UnitInput[],
	roundId: number,
	minGroupSize: number
): ReportTable | null {
	const values = [...new Set(counts.filter((count) => count.dimension === dimension && count.roundId === roundId).map((count) => count.value))].sort();
	if (values.length === 0) return null;
	const width = units.columns.length;
	const size = (column: number, value: string) =>
		counts.filter((count) => count.dimension === dimension && count.roundId === roundId && count.group === unitInputs[column]!.group && count.value === value).reduce((sum, count) => sum + count.n, 0);
	const sizes = values.flatMap((value) => units.columns.map((_, c) => [size(c, value)]));
	const at = (row: number, column: number) => row * width + column;
	const relations: Relation[] = units.columns.map((column, c) => ({ total: [column.slice(roundId).respondents], parts: values.map((_, r) => at(r, c)) }));
	const unitRelations = units.relations(roundId);
	values.forEach((_, r) => {
		for (const relation of unitRelations) {
			if (typeof relation.total !== 'number') continue;
			relations.push({ total: at(r, relation.total), parts: relation.parts.map((part) => at(r, part)), ...(relation.hide ? { hide: relation.hide } : {}) });
		}
	});
	const decisions = suppressGroups(sizes, relations, minGroupSize);
	const rows = values.map((value, r): ReportTableRow => ({
		key: `${dimension}:${value}`,
		label: '',
		cells: units.columns.map((_, c) => {
			const n = sizes[at(r, c)]![0]!;
			const decision = decisions[at(r, c)];
			return figure(decision === undefined ? 'empty' : decision, n > 0 ? { value: n, n } : null);
		})
	}));
	return withMinNote({ id: `overview.respondents.${dimension === 'channel' ? 'channels' : 'languages'}`, title: '', measure: 'respondents', columns: units.columns.map((column) => column.group), rows }, minGroupSize);
}

/** Tokens used of tokens issued per round (the whole study: tokens belong to no library). */
export function responseRateTable(rounds: readonly ReportRound[], tokens: readonly { roundId: number; issued: number; used: number }[], minGroupSize: number): ReportTable {
	const column: ReportGroup = { key: 'all', kind: 'all', label: '' };
	const rows = rounds.map((round): ReportTableRow => {
		const issued = tokens.filter((token) => token.roundId === round.id).reduce((sum, token) => sum + token.issued, 0);
		const used = tokens.filter((token) => token.roundId === round.id).reduce((sum, token) => sum + token.used, 0);
		const cell: Figure =
			issued <= 0 || used <= 0 ? { suppressed: 'empty' } : used < minGroupSize ? { suppressed: 'small' } : { value: (100 * used) / issued, n: issued, count: used };
		return { key: roundGroup(round).key, label: round.name, cells: [cell] };
	});
	return withMinNote({ id: 'overview.response_rate', title: '', measure: 'response_rate', columns: [column], rows }, minGroupSize);
}

/** One table per headline measure: a row per question, the report's columns. */
export function headlineTables(outcomes: readonly SectionOutcome[], columns: ReportGroup[], minGroupSize: number): ReportTable[] {
	const measures = [...new Set(outcomes.flatMap((outcome) => (outcome.section.headline ? [outcome.section.headline.measure] : [])))];
	return measures.map((measure) =>
		withMinNote(
			{
				id: `overview.headlines.${measure}`,
				title: '',
				measure,
				columns,
				rows: outcomes
					.filter((outcome) => outcome.section.headline?.measure === measure)
					.map((outcome) => ({ key: outcome.spec.key, label: `${outcome.section.number} ${outcome.section.text}`, cells: outcome.section.headline!.cells }))
			},
			minGroupSize
		)
	);
}

/** LibQUAL levels of the scope per item, for the radar (three or more items). */
export function libqualRadar(outcomes: readonly SectionOutcome[]): ReportTable | null {
	const libqual = outcomes.filter((outcome) => outcome.spec.item.kind === 'libqual');
	if (libqual.length < 3) return null;
	const levels = ['minimum', 'desired', 'perceived'];
	return {
		id: 'overview.libqual',
		title: '',
		measure: 'mean',
		columns: levels.map((level) => ({ key: `level:${level}`, kind: 'all', label: '' })),
		rows: libqual.map((outcome) => {
			const table = outcome.section.tables.find((candidate) => candidate.id.endsWith('.levels'));
			return { key: outcome.spec.key, label: `${outcome.section.number} ${outcome.section.text}`, cells: levels.map((level) => table?.rows.find((row) => row.key === level)?.cells[0] ?? { suppressed: 'empty' }) };
		})
	};
}

/**
 * Significant differences in a table whose row 0 is the report's scope: a round change or a
 * segment gap. Tests were adjusted already; the callout repeats the two figures and the test.
 */
export function calloutsOf(outcomes: readonly SectionOutcome[], pick: (outcome: SectionOutcome) => readonly ReportTable[]): Callout[] {
	const callouts: Callout[] = [];
	for (const outcome of outcomes) {
		for (const table of pick(outcome)) {
			const row = table.rows[0];
			if (!row) continue;
			for (const test of [...(row.test ? [row.test] : []), ...(table.tests ?? []).filter((candidate) => candidate.row === 0)]) {
				const [a, b] = test.columns;
				const from = row.cells[a];
				const to = row.cells[b];
				if (!test.significant || !from || !to || !isShown(from) || !isShown(to)) continue;
				callouts.push({
					itemId: outcome.spec.item.id,
					facet: outcome.spec.facet,
					text: outcome.section.text,
					measure: table.measure,
					from: { ...from, group: table.columns[a]! },
					to: { ...to, group: table.columns[b]! },
					difference: to.value - from.value,
					test: testOf(test)
				});
			}
		}
	}
	return callouts.sort((x, y) => x.test.pAdjusted - y.test.pAdjusted);
}

function withMinNote(table: ReportTable, minGroupSize: number): ReportTable {
	const hidden = table.rows.some((row) => row.cells.some((cell) => 'suppressed' in cell && cell.suppressed !== 'empty'));
	return hidden ? { ...table, notes: [...(table.notes ?? []), { kind: 'min_group', size: minGroupSize }] } : table;
}
