/**
 * How report figures read, one rule for every renderer: the report pages, the charts, the
 * standalone HTML/PDF and the spreadsheet exports. Pure: numbers go through `Intl.NumberFormat` in
 * the report's locale, and the few words a figure needs (the interval, "fewer than 5 answers",
 * percentage points) come from the caller as `FigureWords`, because core reads no message catalogue
 * (`src/lib/components/report/figure-words.ts` makes them from the Paraglide messages).
 *
 * Rounding is for display only and each figure is rounded on its own (DESIGN.md, statistics
 * policy), so a distribution may show 99 % or 101 % in total.
 */
import type { Locale } from '../org-types.ts';
import { isShown, type Figure, type Interval, type Measure, type SuppressionReason } from './model.ts';

export interface FigureWords {
	/** The 95 % interval after a figure, given the formatted bounds: fi "(95 % lv. 61–72)". */
	interval(low: string, high: string): string;
	/** A figure that is not shown, in words and never with its value: "fewer than 5 answers". */
	suppressed(reason: SuppressionReason, minGroupSize: number): string;
	/** A difference of two percentages, given the signed number: fi "+5 %-yks.", en "+5 pp". */
	percentagePoints(value: string): string;
}

/** Measures shown as percentages (0…100 in the model). */
const percentMeasures: ReadonlySet<Measure> = new Set(['share', 'top2', 'response_rate']);
/** Measures that are differences or balances, shown with a sign (+0.4, −12). */
const signedMeasures: ReadonlySet<Measure> = new Set(['nps', 'gap', 'adequacy', 'superiority']);
/** Measures on an item's own scale, shown with one decimal; the rest are whole numbers. */
const decimalMeasures: ReadonlySet<Measure> = new Set(['mean', 'gap', 'opportunity', 'adequacy', 'superiority']);

export function isPercentMeasure(measure: Measure): boolean {
	return percentMeasures.has(measure);
}

export function decimalsOf(measure: Measure): number {
	return decimalMeasures.has(measure) ? 1 : 0;
}

/**
 * Formatters by locale and style. Making an `Intl.NumberFormat` costs far more than using one, and
 * a network report formats tens of thousands of figures, so each is made once.
 */
const formats = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
	let format = formats.get(key);
	if (!format) {
		format = make();
		formats.set(key, format);
	}
	return format;
}

function numberFormat(locale: Locale, decimals: number, signed: boolean): Intl.NumberFormat {
	return cachedFormat(`${locale}:${decimals}:${signed}`, () =>
		new Intl.NumberFormat(locale, {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			signDisplay: signed ? 'exceptZero' : 'auto'
		})
	);
}

/** A plain number in the locale ("1 234", "3,4"), rounded to `decimals`. */
export function formatNumber(value: number, locale: Locale, decimals = 0): string {
	return numberFormat(locale, decimals, false).format(value);
}

/** One value of a measure with its unit: "62 %" (fi), "62%" (en), "3,8", "+12", "−0,8". */
export function formatValue(measure: Measure, value: number, locale: Locale): string {
	if (isPercentMeasure(measure)) {
		return cachedFormat(`${locale}:%`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(value / 100);
	}
	return numberFormat(locale, decimalsOf(measure), signedMeasures.has(measure)).format(value);
}

/** An interval bound: the value without its unit, so "(95 % lv. 61–72)" does not repeat "%". */
export function formatBound(measure: Measure, value: number, locale: Locale): string {
	return numberFormat(locale, decimalsOf(measure), false).format(value);
}

export function formatInterval(measure: Measure, interval: Interval, locale: Locale, words: FigureWords): string {
	return words.interval(formatBound(measure, interval.low, locale), formatBound(measure, interval.high, locale));
}

export interface FigureFormat {
	locale: Locale;
	words: FigureWords;
	minGroupSize: number;
	/** Add the interval after the value, when the figure has one (default true). */
	withInterval?: boolean;
}

/**
 * A figure as text: "62 % (95 % lv. 55–68)", or the words for a figure that is not shown. A
 * suppressed figure has no number in the model, so none can appear here.
 */
export function formatFigure(measure: Measure, figure: Figure, format: FigureFormat): string {
	if (!isShown(figure)) return format.words.suppressed(figure.suppressed, format.minGroupSize);
	const value = formatValue(measure, figure.value, format.locale);
	if (format.withInterval === false || !figure.interval) return value;
	return `${value} ${formatInterval(measure, figure.interval, format.locale, format.words)}`;
}

/**
 * A difference between two figures of a measure: percentage points for percentages
 * ("+5 %-yks."), otherwise the signed value on the measure's scale ("−0,3").
 */
export function formatDifference(measure: Measure, difference: number, locale: Locale, words: FigureWords): string {
	const signed = numberFormat(locale, decimalsOf(measure), true).format(difference);
	return isPercentMeasure(measure) ? words.percentagePoints(signed) : signed;
}

/**
 * A p-value as reports print it: "p < 0,001", "p = 0,004" under 0.01, else two decimals
 * ("p = 0,03"); the letter p is the same in every language.
 */
export function formatP(p: number, locale: Locale): string {
	if (p < 0.001) return `p < ${formatNumber(0.001, locale, 3)}`;
	return `p = ${formatNumber(p, locale, p < 0.01 ? 3 : 2)}`;
}
