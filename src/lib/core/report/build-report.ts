import { answerableItems, type Instrument } from '../instrument/instrument.ts';
import type { AnswerableItem } from '../instrument/items.ts';
import { localize as localizeText, type LocalizedText } from '../instrument/localized-text.ts';
import type { Locale } from '../org-types.ts';
import { analyserFor, type Localize } from './analysers.ts';
import { cached, combineSets, segmentColumnSet, unitColumnSet, unitGroup, type Column, type ColumnSet, type SegmentValue, type UnitInput } from './columns.ts';
import type { CubeGroupMember, CubeRow } from './cube.ts';
import type { OpenTextSection, ReportChart, ReportFilter, ReportModel, ReportRound, ReportTable } from './model.ts';
import { calloutsOf, headlineTables, libqualRadar, respondentsAnalyser, respondentsBy, respondentsByRound, responseRateTable, roundGroup, type RespondentCount } from './overview.ts';
import { buildSection, type GapSets, type SectionEnv, type SectionSpec } from './sections.ts';
import type { ReportSettings } from './settings.ts';
import { TestFamilies } from './significance.ts';
import { CubeIndex } from './slices.ts';
import { decide } from './columns.ts';
import { topCandidates, topLists } from './top-n.ts';
import { comparableItem, segmentGroupCodes, segmentItems } from './report-inputs.ts';

/**
 * Builds the report model from cube rows (pure; the service gathers the inputs). Every figure
 * passes the suppression of ADR 0018; every test is adjusted within its family (ADR 0016) and
 * named with its p and n; TOP-N follows ADR 0017.
 */
export interface BuildReportInput {
	generatedAt: string;
	locale: Locale;
	study: ReportModel['study'];
	/** The definition pinned by the report's round; questions are matched across rounds by item id. */
	instrument: Instrument;
	/** The compare round's definition, to leave out changes of questions asked differently. */
	compareInstrument?: Instrument | null;
	/** Labels of options filled at run time (`optionsFrom: 'libraries'`): item id → code → label. */
	optionLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
	scope: UnitInput;
	comparisons: readonly UnitInput[];
	children: readonly UnitInput[];
	/** The libraries of every group in every round (as in the cube query). */
	members: readonly CubeGroupMember[];
	/** Every round of the study, earliest first. */
	rounds: readonly ReportRound[];
	filter: ReportFilter;
	settings: ReportSettings;
	cube: {
		/** Not split by segment; narrowed to the filter's channel or language when it has one. */
		main: readonly CubeRow[];
		/** With a channel or language filter: the same query without it. */
		unfiltered?: readonly CubeRow[];
		/** Split by a segment key (the filter's, the breakdown's, the comparisons'); no channel/language filter. */
		segmented?: readonly { key: string; rows: readonly CubeRow[] }[];
	};
	respondentsBy?: readonly RespondentCount[];
	/** Tokens issued and used per round (studies with tokens). */
	tokens?: readonly { roundId: number; issued: number; used: number }[];
	openText?: readonly OpenTextSection[];
}

/** A filter the cube cannot answer: segments do not cross channels, languages or other segments. */
export function filterProblem(filter: ReportFilter): string | null {
	if (filter.breakdown && (filter.channel || filter.language)) return 'A breakdown by segment cannot be combined with a channel or language filter.';
	if (filter.segment && (filter.channel || filter.language)) return 'A segment filter cannot be combined with a channel or language filter.';
	if (filter.breakdown && filter.segment) return 'A breakdown by segment cannot be combined with a segment filter.';
	return null;
}

export function buildReport(input: BuildReportInput): ReportModel {
	const problem = filterProblem(input.filter);
	if (problem) throw new Error(problem);
	const { settings, filter } = input;
	const min = settings.minGroupSize;
	const localize: Localize = (text: LocalizedText | undefined) => localizeText(text, input.locale, input.instrument.baseLanguage);
	const current = input.rounds.find((round) => round.id === filter.roundId);
	if (!current) throw new Error(`Round ${filter.roundId} is not a round of study ${input.study.id}.`);
	const compareRound = filter.compareRoundId === null ? null : (input.rounds.find((round) => round.id === filter.compareRoundId && round.id !== current.id) ?? null);

	const main = new CubeIndex(input.cube.main, false);
	const unfiltered = input.cube.unfiltered ? new CubeIndex(input.cube.unfiltered, false) : null;
	const segmented = new Map((input.cube.segmented ?? []).map(({ key, rows }) => [key, new CubeIndex(rows, true)]));
	const segments = segmentItems(input.instrument, settings, localize, input.optionLabels ?? {});
	const filterSegment = filter.segment ? segmented.get(filter.segment.key) : undefined;
	if (filter.segment && !filterSegment) throw new Error(`No cube rows split by ${filter.segment.key} for the segment filter.`);
	const filterCodes = filter.segment ? segmentGroupCodes(segments, filter.segment.key, filter.segment.group) : null;

	const unitInputs = [input.scope, ...input.comparisons, ...input.children];
	const unitColumns: Column[] = unitInputs.map((unit) => {
		if (filterSegment && filterCodes) {
			return { group: unitGroup(unit), slice: cached((roundId) => filterSegment.slice(unit.group, roundId, filterCodes)), unfiltered: cached((roundId) => main.slice(unit.group, roundId)) };
		}
		const column: Column = { group: unitGroup(unit), slice: cached((roundId) => main.slice(unit.group, roundId)) };
		return unfiltered ? { ...column, unfiltered: cached((roundId) => unfiltered.slice(unit.group, roundId)) } : column;
	});
	const units = unitColumnSet({ scope: input.scope, comparisons: input.comparisons, children: input.children }, unitColumns, input.members);

	/** A segment's values: the instrument's, then any other value met for these units in any round. */
	const segmentValues = (key: string, unitIndices: readonly number[]): SegmentValue[] | null => {
		const index = segmented.get(key);
		const segment = segments.find((candidate) => candidate.key === key);
		if (!index || !segment) return null;
		const seen = new Set(unitIndices.flatMap((unitIndex) => input.rounds.flatMap((round) => [...index.segmentValues(unitInputs[unitIndex]!.group, round.id)])));
		return [...segment.values, ...[...seen].filter((code) => code !== '' && !segment.values.some((value) => value.code === code)).map((code) => ({ code, label: code }))];
	};
	// The total of a unit's segment set is the unit's own column (everyone, also those who gave no
	// value): the same figures as without a breakdown, so the remainder of the values is counted.
	const segmentSet = (key: string, unitIndex: number, values: readonly SegmentValue[]): ColumnSet => {
		const index = segmented.get(key)!;
		const derived = segments.find((candidate) => candidate.key === key)?.derived ?? [];
		const group = unitInputs[unitIndex]!.group;
		return segmentColumnSet(unitColumns[unitIndex]!, key, values, derived, (roundId, codes) => index.slice(group, roundId, codes));
	};

	const breakdownValues = filter.breakdown ? segmentValues(filter.breakdown, [0]) : null;
	if (filter.breakdown && !breakdownValues) throw new Error(`No cube rows split by ${filter.breakdown} for the breakdown.`);
	const breakdownSet = filter.breakdown && breakdownValues ? segmentSet(filter.breakdown, 0, breakdownValues) : null;
	const mainSet = breakdownSet ?? units;
	const noFilter = !filter.channel && !filter.language && !filter.segment;
	const gapUnits = [0, ...input.comparisons.map((_, index) => 1 + index)];
	const gaps: GapSets[] = noFilter
		? settings.comparisons.flatMap((comparison): GapSets[] => {
				const values = segmentValues(comparison.segment, gapUnits);
				if (!values) return [];
				const sets = gapUnits.map((unitIndex) => segmentSet(comparison.segment, unitIndex, values));
				const first = sets[0]!;
				const from = first.columns.findIndex((column) => column.group.key.endsWith(`:${comparison.segment}:${comparison.from}`));
				const to = first.columns.findIndex((column) => column.group.key.endsWith(`:${comparison.segment}:${comparison.to}`));
				if (from <= 0 || to <= 0) return [];
				const links = (roundId: number) =>
					units.relations(roundId).filter((relation) => typeof relation.total === 'number' && gapUnits.includes(relation.total) && relation.parts.every((part) => gapUnits.includes(part)));
				return [{ comparison, from, to, width: first.columns.length, set: combineSets(sets, links), units: gapUnits.map((unitIndex) => unitColumns[unitIndex]!.group) }];
			})
		: [];

	const families = new TestFamilies();
	const env: SectionEnv = {
		minGroupSize: min,
		roundId: current.id,
		compare: compareRound ? { roundId: compareRound.id, group: roundGroup(compareRound), currentGroup: roundGroup(current) } : null,
		units,
		main: mainSet,
		breakdown: breakdownSet && filter.breakdown ? { segment: filter.breakdown, codes: breakdownCodes(breakdownSet, filter.breakdown, segments) } : null,
		gaps,
		families
	};
	const specs = sectionSpecs(input.instrument, input.compareInstrument ?? null, localize, input.optionLabels ?? {});
	const outcomes = specs.map((spec) => buildSection(spec, env));

	const inside = (roundId: number, column: number) => {
		const of = (group: string) => new Set(input.members.filter((member) => member.group === group && member.roundId === roundId).map((member) => member.libraryId));
		const inner = of(input.scope.group);
		const outer = of(unitInputs[column]!.group);
		return inner.size > 0 && [...inner].every((library) => outer.has(library));
	};
	const candidates = topCandidates(outcomes, units, input.comparisons.length, current.id, min, families, inside);
	families.adjust();
	const { strengths, improvements } = topLists(candidates);

	const columns = mainSet.columns.map((column) => column.group);
	const overviewTables: ReportTable[] = [respondentsByRound(units, input.rounds, min)];
	if (noFilter && input.respondentsBy) {
		for (const dimension of ['channel', 'language'] as const) {
			const table = respondentsBy(dimension, input.respondentsBy, units, unitInputs, current.id, min);
			if (table) overviewTables.push(table);
		}
	}
	if (input.study.usesTokens && input.tokens) overviewTables.push(responseRateTable(input.rounds, input.tokens, min));
	const radar = libqualRadar(outcomes);
	const overviewCharts: ReportChart[] = radar ? [{ kind: 'radar', tableId: radar.id }] : [];

	const scopeRespondents = decide(units, current.id, respondentsAnalyser, min).decisions[0] ?? null;
	return {
		modelVersion: 1,
		locale: input.locale,
		generatedAt: input.generatedAt,
		study: { ...input.study },
		scope: unitOf(input.scope),
		comparisons: input.comparisons.map(unitOf),
		rounds: input.rounds.map((round) => ({ ...round })),
		filter: { ...filter, compareRoundId: compareRound?.id ?? null },
		minGroupSize: min,
		columns,
		segments: segments.map((segment) => ({
			key: segment.key,
			label: segment.label,
			groups: [...segment.values.map((value) => ({ key: value.code, label: value.label, derived: false })), ...segment.derived.map((group) => ({ key: group.key, label: group.labelText, derived: true }))]
		})),
		overview: {
			tables: overviewTables,
			headlines: [...headlineTables(outcomes, columns, min), ...(radar ? [radar] : [])],
			strengths,
			improvements,
			roundChanges: calloutsOf(outcomes, (outcome) => (outcome.section.headline && outcome.change ? [outcome.change] : [])),
			segmentGaps: calloutsOf(outcomes, (outcome) => [
				...outcome.gapTables,
				...(env.breakdown ? outcome.section.tables.filter((table) => table.tests?.length) : [])
			]),
			...(overviewCharts.length ? { charts: overviewCharts } : {})
		},
		questions: outcomes.map((outcome) => outcome.section),
		openText: guardOpenText(input.openText ?? [], scopeRespondents, min)
	};
}

function unitOf(unit: UnitInput) {
	return { type: unit.type, id: unit.id, key: unit.key, name: unit.name };
}

function breakdownCodes(set: ColumnSet, key: string, segments: ReturnType<typeof segmentItems>): (readonly string[] | null)[] {
	const segment = segments.find((candidate) => candidate.key === key);
	return set.columns.map((column, index) => {
		if (index === 0) return null;
		const code = column.group.key.slice(column.group.key.indexOf(`:${key}:`) + key.length + 2);
		if (column.group.kind === 'derived') return segment?.derived.find((group) => group.key === code)?.values ?? [code];
		return [code];
	});
}

/** Questions in form order, numbered as on the paper form (matrix rows lettered). */
function sectionSpecs(instrument: Instrument, compareInstrument: Instrument | null, localize: Localize, optionLabels: Readonly<Record<string, Readonly<Record<string, string>>>>): SectionSpec[] {
	const specs: SectionSpec[] = [];
	answerableItems(instrument).forEach((item, index) => {
		const number = String(index + 1);
		const labels = new Map(Object.entries(optionLabels[item.id] ?? {}));
		const facets: { facet: string; number: string; text: string; tags: string[] }[] =
			item.kind === 'matrix'
				? item.rows.map((row, rowIndex) => ({
						facet: row.id,
						number: `${number}${'abcdefghijklmnopqrstuvwxyz'[rowIndex] ?? rowIndex}`,
						text: `${localize(item.text)}: ${localize(row.text)}`,
						tags: row.tags ?? item.tags ?? []
					}))
				: [{ facet: '', number, text: localize(item.text), tags: item.tags ?? [] }];
		for (const facet of facets) {
			const analyser = analyserFor(item, facet.facet, localize, labels);
			if (!analyser) continue;
			specs.push({
				key: facet.facet ? `${item.id}.${facet.facet}` : item.id,
				item: item as AnswerableItem,
				...facet,
				analyser,
				comparable: compareInstrument === null || comparableItem(item, facet.facet, compareInstrument)
			});
		}
	});
	return specs;
}

/** Open text never shows a group under the minimum: neither the count nor a theme nor a quote. */
function guardOpenText(sections: readonly OpenTextSection[], scope: ReturnType<typeof decide>['decisions'][number], min: number): OpenTextSection[] {
	return sections.map((section) => {
		const reason = scope ?? section.suppressed ?? (section.answers > 0 && section.answers < min ? 'small' : null);
		if (reason) return { itemId: section.itemId, text: section.text, answers: 0, themes: [], suppressed: reason };
		return { ...section, themes: section.themes.map((theme) => ({ ...theme, quotes: [...theme.quotes] })) };
	});
}
