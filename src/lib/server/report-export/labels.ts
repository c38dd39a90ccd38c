import type { ChartWords } from '#lib/core/report/charts/render-chart.ts';
import type { FigureWords } from '#lib/core/report/format.ts';
import type { Measure, ReportNote, SuppressionReason, TestResult } from '#lib/core/report/model.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * The words of the report exports in one language (messages `report_export_*`): column headings,
 * measure and test names, the marks of figures that are not shown, and the UI words that the model
 * leaves to renderers (a row or column with an empty label is worded from its key).
 *
 * The exports show one mark for both reasons of suppression (a small group, and its complementary
 * siblings), so that a reader cannot tell which of the hidden cells is the small one (ADR 0020).
 */
export interface ExportLabels {
	locale: Locale;
	/** Every `report_export_*` message by the rest of its name, in this language. */
	text: ExportTexts;
	measure(measure: Measure): string;
	test(test: TestResult['test']): string;
	/** The short mark of a cell that is not shown (`..` hidden, `–` nobody answered). */
	mark(reason: SuppressionReason): string;
	/** The same in words, for a screen reader or a CSV cell. */
	suppressed(reason: SuppressionReason): string;
	/** A row or column label; an empty label is a UI word named by its key. */
	label(label: string, key: string): string;
	note(note: ReportNote, minGroupSize: number): string;
	reason(code: string): string;
	figureWords: FigureWords;
	chartWords: ChartWords;
}

const prefix = 'report_export_';
type Messages = typeof m;
type ExportTexts = { [K in keyof Messages as K extends `report_export_${infer Rest}` ? Rest : never]: (inputs?: Parameters<Messages[K]>[0]) => string };

export function exportLabels(locale: Locale): ExportLabels {
	const options = { locale };
	const messages = m as unknown as Record<string, (inputs?: Record<string, unknown>, options?: { locale: Locale }) => string>;
	const say = (key: string, inputs: Record<string, unknown> = {}): string | undefined => messages[`${prefix}${key}`]?.(inputs, options);
	const text = Object.fromEntries(
		Object.keys(messages)
			.filter((key) => key.startsWith(prefix))
			.map((key) => [key.slice(prefix.length), (inputs: Record<string, unknown> = {}) => messages[key]!(inputs, options)])
	) as unknown as ExportTexts;
	const mark = (reason: SuppressionReason) => (reason === 'empty' ? text.mark_empty() : text.mark_hidden());
	const suppressed = (reason: SuppressionReason) => (reason === 'empty' ? text.suppressed_empty() : text.suppressed_hidden());
	const test = (kind: TestResult['test']) => say(`test_${kind.replace(/-/g, '_')}`) ?? kind;
	return {
		locale,
		text,
		measure: (measure) => say(`measure_${measure}`) ?? measure,
		test,
		mark,
		suppressed,
		label: (label, key) => (label !== '' ? label : (say(`word_${key.replace(/^level:/, '')}`) ?? say(`measure_${key}`) ?? key)),
		note: (note, minGroupSize) => {
			switch (note.kind) {
				case 'test':
					return text.note_test({ test: test(note.test) });
				case 'libqual_dropped':
					return text.note_libqual_dropped({ count: note.count });
				case 'min_group':
					return text.min_group({ size: Math.max(note.size, minGroupSize) });
				case 'merged_categories':
					return text.note_merged({ labels: note.labels.join(', ') });
				case 'not_comparable':
					return text.note_not_comparable();
			}
		},
		reason: (code) => say(`reason_${code}`) ?? code,
		figureWords: {
			interval: (low, high) => text.interval({ low, high }),
			suppressed: (reason) => suppressed(reason),
			percentagePoints: (value) => text.percentage_points({ value })
		},
		chartWords: { notShown: text.not_shown(), notShownReason: (reason) => suppressed(reason) }
	};
}
