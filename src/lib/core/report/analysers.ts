import { libqualFacets, naValue } from '../instrument/answers.ts';
import { defaultLabels } from '../instrument/default-labels.ts';
import type { AnswerableItem } from '../instrument/items.ts';
import type { LocalizedText } from '../instrument/localized-text.ts';
import { fixedRanges, scalePointLabel, scaleValues, valuesBetween, type Scale } from '../instrument/scale.ts';
import { happyIndex, happyWeights, meanEstimate, nps, topBoxShare, wilson, zoneOfTolerance, type ZoneOfTolerance } from '../stats/index.ts';
import { answeredFacet, answeredValue, derivedFacets, naValueCode, numberValueCode } from './cube.ts';
import type { ChartKind, Interval, Measure } from './model.ts';
import { aggOf, valuesOf, type Agg, type Slice } from './slices.ts';

/**
 * What the report computes for one question (an item, or one row of a matrix) in one group of
 * respondents, by item kind. The headline measures (ADR 0017): top-2-box for ratings and matrix
 * rows, mean for school grades and numbers, NPS, happy index, the yes-share of a checklist item,
 * importance − performance gap, LibQUAL adequacy gap; choices have no headline (they have no
 * direction), only shares. Shares are percent (0…100); N/A and missing answers are counted apart
 * and never enter a share of values or a mean.
 */
export interface RawFigure {
	value: number;
	n: number;
	interval?: Interval;
	count?: number;
}

/** What a significance test needs of a group. */
export type Sample =
	| { kind: 'proportion'; k: number; n: number }
	| { kind: 'mean'; n: number; mean: number | null; sd: number | null };

export interface TableSpec {
	kind: string;
	measure: Measure;
	rows: { key: string; label: string }[];
	/** The chart drawn from the table, with the scale's points for stacked and diverging bars. */
	chart?: ChartKind;
	points?: { code: string; label: string }[];
}

export interface ColumnStats {
	/** Sizes the figures rest on, for suppression: respondents, answers (N/A included), valid answers, … */
	sizes: number[];
	/** Per table of the analyser, per row: the figure, or null when its base is 0. */
	tables: (RawFigure | null)[][];
	headline: RawFigure | null;
	sample: Sample | null;
	/** Favourable answers (top-2-box, yes, promoters …) for TOP-N; null for kinds that are not ranked. */
	favourable: { k: number; n: number } | null;
	/** Counts per value (the distribution's value rows), for chi-square; null where not a partition. */
	counts: number[] | null;
	/** Proportions per value row for multiple choice (each option tested on its own). */
	options: { k: number; n: number }[] | null;
	zone: ZoneOfTolerance | null;
	/** LibQUAL triples dropped because minimum > desired. */
	dropped: number;
}

export interface Analyser {
	measure: Measure | null;
	tables: TableSpec[];
	compute(slice: Slice): ColumnStats;
}

export type Localize = (text: LocalizedText | undefined) => string;

const percent = (k: number, n: number): RawFigure | null => {
	if (n <= 0) return null;
	const interval = wilson(k, n);
	return { value: (100 * k) / n, n, count: k, ...(interval ? { interval: { low: 100 * interval.low, high: 100 * interval.high } } : {}) };
};

const meanFigure = (agg: Agg): RawFigure | null => {
	const estimate = meanEstimate(agg.n, agg.sum, agg.sumSq);
	if (estimate.mean === null) return null;
	return { value: estimate.mean, n: estimate.n, ...(estimate.low !== null && estimate.high !== null ? { interval: { low: estimate.low, high: estimate.high } } : {}) };
};

const meanSample = (agg: Agg): Sample => {
	const estimate = meanEstimate(agg.n, agg.sum, agg.sumSq);
	return { kind: 'mean', n: estimate.n, mean: estimate.mean, sd: estimate.sd };
};

const sumAggs = (aggs: Iterable<Agg>): Agg => {
	const total = { n: 0, sum: 0, sumSq: 0 };
	for (const agg of aggs) {
		total.n += agg.n;
		total.sum += agg.sum;
		total.sumSq += agg.sumSq;
	}
	return total;
};

/** Counts of a facet's values, N/A apart. */
function facetCounts(slice: Slice, itemId: string, facet: string): { values: Map<string, Agg>; na: number; answered: number } {
	const values = new Map<string, Agg>();
	let na = 0;
	for (const [code, agg] of valuesOf(slice, itemId, facet)) {
		if (code === naValueCode) na += agg.n;
		else values.set(code, agg);
	}
	const valid = sumAggs(values.values()).n;
	return { values, na, answered: valid + na };
}

const numericCounts = (values: ReadonlyMap<string, Agg>): Map<number, number> => new Map([...values].map(([code, agg]) => [Number(code), agg.n] as [number, number]).filter(([value]) => Number.isFinite(value)));

const empty = (sizes: number[], tables: (RawFigure | null)[][]): ColumnStats => ({
	sizes,
	tables,
	headline: null,
	sample: null,
	favourable: null,
	counts: null,
	options: null,
	zone: null,
	dropped: 0
});

const naRow = (label: string) => ({ key: naValue, label });
const missingRow = { key: 'missing', label: '' };

/**
 * Distribution of one facet: a share of valid answers per value, then N/A (share of answers) and
 * missing (share of respondents).
 */
function distribution(slice: Slice, itemId: string, facet: string, codes: readonly string[]): { rows: (RawFigure | null)[]; valid: number; answered: number; values: Map<string, Agg> } {
	const { values, na, answered } = facetCounts(slice, itemId, facet);
	const valid = answered - na;
	const rows = codes.map((code) => percent(values.get(code)?.n ?? 0, valid));
	const respondents = Math.max(slice.respondents, answered);
	rows.push(percent(na, answered), percent(respondents - answered, respondents));
	return { rows, valid, answered, values };
}

function pointRows(points: readonly number[], label: (value: number) => string): { key: string; label: string }[] {
	return points.map((value) => ({ key: String(value), label: label(value) }));
}

/** A scale (rating, matrix row, grade, NPS, smileys): distribution, top-2-box and mean. */
function scaleAnalyser(
	itemId: string,
	facet: string,
	points: readonly number[],
	pointLabel: (value: number) => string,
	options: { naLabel: string; headline: 'top2' | 'mean' | 'nps' | 'happy'; chart: ChartKind }
): Analyser {
	const valueRows = pointRows(points, pointLabel);
	const chartPoints = valueRows.map((row) => ({ code: row.key, label: row.label }));
	const tables: TableSpec[] = [
		{ kind: 'distribution', measure: 'share', rows: [...valueRows, naRow(options.naLabel), missingRow], chart: options.chart, points: chartPoints },
		{ kind: 'top2', measure: 'top2', rows: [{ key: 'top2', label: '' }], chart: 'dots' },
		{ kind: 'mean', measure: 'mean', rows: [{ key: 'mean', label: '' }], chart: 'dots', points: chartPoints }
	];
	if (options.headline === 'nps') tables.push({ kind: 'nps', measure: 'nps', rows: [{ key: 'nps', label: '' }], chart: 'dots' });
	if (options.headline === 'happy') tables.push({ kind: 'happy', measure: 'happy', rows: [{ key: 'happy', label: '' }], chart: 'dots' });
	return {
		measure: options.headline,
		tables,
		compute(slice) {
			const { rows, valid, answered, values } = distribution(slice, itemId, facet, valueRows.map((row) => row.key));
			const counts = numericCounts(values);
			const top = topBoxShare(counts, points, 2);
			const validAgg = sumAggs(values.values());
			const mean = meanFigure(validAgg);
			const top2 = percent(top.k, top.n);
			const stats: ColumnStats = {
				...empty([slice.respondents, answered, valid], [rows, [top2], [mean]]),
				favourable: top.n > 0 ? { k: top.k, n: top.n } : null,
				counts: valueRows.map((row) => values.get(row.key)?.n ?? 0)
			};
			if (options.headline === 'top2') return { ...stats, headline: top2, sample: { kind: 'proportion', k: top.k, n: top.n } };
			if (options.headline === 'mean') return { ...stats, headline: mean, sample: meanSample(validAgg) };
			if (options.headline === 'nps') {
				const result = nps(counts);
				const figure = result && { value: result.score, n: result.n, interval: { low: result.low, high: result.high } };
				// NPS is the mean of +100 (promoters), 0 and −100 (detractors): Welch's t compares it.
				const recoded = result && { n: result.n, sum: 100 * (result.promoters - result.detractors), sumSq: 10000 * (result.promoters + result.detractors) };
				return { ...stats, tables: [...stats.tables, [figure]], headline: figure, sample: recoded && meanSample(recoded) };
			}
			const result = happyIndex(counts);
			const figure = result && { value: result.score, n: result.n, ...(result.low !== null && result.high !== null ? { interval: { low: result.low, high: result.high } } : {}) };
			const weighted = sumAggs([...counts].map(([value, n]) => ({ n, sum: n * (happyWeights.get(value) ?? 0), sumSq: n * (happyWeights.get(value) ?? 0) ** 2 })));
			return { ...stats, tables: [...stats.tables, [figure]], headline: figure, sample: result && meanSample(weighted) };
		}
	};
}

function scaleLabel(scale: Scale, localize: Localize): (value: number) => string {
	return (value) => {
		const label = localize(scalePointLabel(scale, value));
		return label ? `${value} – ${label}` : String(value);
	};
}

/** Choices: shares of the respondents who answered (multiple choice) or of valid answers (single). */
function choiceAnalyser(itemId: string, multiple: boolean, options: { key: string; label: string }[]): Analyser {
	return {
		measure: null,
		tables: [{ kind: 'distribution', measure: 'share', rows: multiple ? options : [...options, missingRow], chart: multiple ? 'bars' : 'stacked' }],
		compute(slice) {
			if (multiple) {
				const answered = aggOf(slice, itemId, answeredFacet, answeredValue).n;
				const proportions = options.map((option) => ({ k: aggOf(slice, itemId, option.key, option.key).n, n: answered }));
				return { ...empty([slice.respondents, answered], [proportions.map(({ k, n }) => percent(k, n))]), options: proportions };
			}
			const { rows, answered, values } = distribution(slice, itemId, '', options.map((option) => option.key));
			rows.splice(rows.length - 2, 1);
			return { ...empty([slice.respondents, answered], [rows]), counts: options.map((option) => values.get(option.key)?.n ?? 0) };
		}
	};
}

function checklistAnalyser(itemId: string, localize: Localize, naLabel: string): Analyser {
	const rows = [
		{ key: 'yes', label: localize(defaultLabels.yes) },
		{ key: 'no', label: localize(defaultLabels.no) }
	];
	return {
		measure: 'share',
		tables: [
			{ kind: 'distribution', measure: 'share', rows: [...rows, naRow(naLabel), missingRow], chart: 'stacked', points: rows.map((row) => ({ code: row.key, label: row.label })) },
			{ kind: 'yes', measure: 'share', rows: [{ key: 'yes', label: '' }], chart: 'dots' }
		],
		compute(slice) {
			const { rows: figures, valid, answered, values } = distribution(slice, itemId, '', ['yes', 'no']);
			const yes = values.get('yes')?.n ?? 0;
			const headline = percent(yes, valid);
			return {
				...empty([slice.respondents, answered, valid], [figures, [headline]]),
				headline,
				sample: { kind: 'proportion', k: yes, n: valid },
				favourable: valid > 0 ? { k: yes, n: valid } : null,
				counts: [yes, valid - yes]
			};
		}
	};
}

function numberAnalyser(itemId: string): Analyser {
	return {
		measure: 'mean',
		tables: [{ kind: 'mean', measure: 'mean', rows: [{ key: 'mean', label: '' }], chart: 'dots' }],
		compute(slice) {
			const agg = aggOf(slice, itemId, '', numberValueCode);
			const mean = meanFigure(agg);
			return { ...empty([slice.respondents, agg.n], [[mean]]), headline: mean, sample: meanSample(agg) };
		}
	};
}

function importancePerformanceAnalyser(item: Extract<AnswerableItem, { kind: 'importance_performance' }>, localize: Localize, naLabel: string): Analyser {
	const facets = [
		{ facet: 'importance', scale: item.importance, label: localize(item.importanceLabel) },
		{ facet: 'performance', scale: item.performance, label: localize(item.performanceLabel) }
	];
	const distributions: TableSpec[] = facets.map(({ facet, scale }) => {
		const rows = pointRows(scaleValues(scale), scaleLabel(scale, localize));
		return { kind: `distribution.${facet}`, measure: 'share', rows: [...rows, naRow(naLabel), missingRow], chart: 'diverging', points: rows.map((row) => ({ code: row.key, label: row.label })) };
	});
	return {
		measure: 'gap',
		tables: [
			...distributions,
			{ kind: 'levels', measure: 'mean', rows: facets.map(({ facet, label }) => ({ key: facet, label })), chart: 'gap' },
			{ kind: 'gap', measure: 'gap', rows: [{ key: 'gap', label: '' }], chart: 'dots' },
			{ kind: 'opportunity', measure: 'opportunity', rows: [{ key: 'opportunity', label: '' }], chart: 'dots' }
		],
		compute(slice) {
			const parts = facets.map(({ facet, scale }) => ({ scale, ...distribution(slice, item.id, facet, scaleValues(scale).map(String)) }));
			const gap = sumAggs(valuesOf(slice, item.id, derivedFacets.gap).values());
			const opportunity = sumAggs(valuesOf(slice, item.id, derivedFacets.opportunity).values());
			const performance = parts[1]!;
			const top = topBoxShare(numericCounts(performance.values), scaleValues(performance.scale), 2);
			const gapFigure = meanFigure(gap);
			return {
				...empty(
					[slice.respondents, ...parts.flatMap((part) => [part.answered, part.valid]), gap.n, opportunity.n],
					[...parts.map((part) => part.rows), parts.map((part) => meanFigure(sumAggs(part.values.values()))), [gapFigure], [meanFigure(opportunity)]]
				),
				headline: gapFigure,
				sample: meanSample(gap),
				favourable: top.n > 0 ? { k: top.k, n: top.n } : null
			};
		}
	};
}

function libqualAnalyser(itemId: string): Analyser {
	return {
		measure: 'adequacy',
		tables: [
			{ kind: 'levels', measure: 'mean', rows: libqualFacets.map((facet) => ({ key: facet, label: '' })), chart: 'gap' },
			{
				kind: 'gaps',
				measure: 'gap',
				rows: [
					{ key: 'adequacy', label: '' },
					{ key: 'superiority', label: '' }
				],
				chart: 'gap'
			}
		],
		compute(slice) {
			const levels = libqualFacets.map((facet) => facetCounts(slice, itemId, facet));
			const means = levels.map((level) => meanFigure(sumAggs(level.values.values())));
			const adequacy = sumAggs(valuesOf(slice, itemId, derivedFacets.adequacy).values());
			const superiority = sumAggs(valuesOf(slice, itemId, derivedFacets.superiority).values());
			const dropped = sumAggs(valuesOf(slice, itemId, derivedFacets.inverted).values()).n;
			const headline = meanFigure(adequacy);
			const [minimum, desired, perceived] = means;
			return {
				...empty([slice.respondents, ...levels.map((level) => level.answered - level.na), adequacy.n], [means, [headline, meanFigure(superiority)]]),
				headline,
				sample: meanSample(adequacy),
				zone: zoneOfTolerance(minimum?.value ?? null, desired?.value ?? null, perceived?.value ?? null),
				dropped
			};
		}
	};
}

/**
 * The analyser of an item (or of one matrix row, `facet`), or null for kinds a report does not
 * aggregate (dates, open text: open text has its own section).
 */
export function analyserFor(item: AnswerableItem, facet: string, localize: Localize, optionLabels: ReadonlyMap<string, string> = new Map()): Analyser | null {
	const naLabel = localize('naLabel' in item && item.naLabel ? item.naLabel : defaultLabels.na);
	const fixed = (kind: keyof typeof fixedRanges) => valuesBetween(fixedRanges[kind].min, fixedRanges[kind].max);
	switch (item.kind) {
		case 'rating':
		case 'matrix':
			return scaleAnalyser(item.id, facet, scaleValues(item.scale), scaleLabel(item.scale, localize), { naLabel, headline: 'top2', chart: 'diverging' });
		case 'school_grade':
			return scaleAnalyser(item.id, '', fixed('school_grade'), String, { naLabel, headline: 'mean', chart: 'stacked' });
		case 'nps':
			return scaleAnalyser(item.id, '', fixed('nps'), String, { naLabel, headline: 'nps', chart: 'stacked' });
		case 'happy_index': {
			const labels = item.labels ?? defaultLabels.happyIndex;
			return scaleAnalyser(item.id, '', fixed('happy_index'), (value) => localize(labels[value - 1]), { naLabel, headline: 'happy', chart: 'stacked' });
		}
		case 'single_choice':
		case 'multiple_choice': {
			const options = (item.options ?? []).map((option) => ({ key: option.code, label: localize(option.label) }));
			for (const [code, label] of optionLabels) if (!options.some((option) => option.key === code)) options.push({ key: code, label });
			if (item.other) options.push({ key: 'other', label: localize(item.other.label) });
			return choiceAnalyser(item.id, item.kind === 'multiple_choice', options);
		}
		case 'checklist':
			return checklistAnalyser(item.id, localize, naLabel);
		case 'number':
			return numberAnalyser(item.id);
		case 'importance_performance':
			return importancePerformanceAnalyser(item, localize, naLabel);
		case 'libqual':
			return libqualAnalyser(item.id);
		default:
			return null;
	}
}
