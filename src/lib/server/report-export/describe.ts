import { TIME_ZONE } from '#lib/core/local-date.ts';
import { formatP } from '#lib/core/report/format.ts';
import type { ReportModel, ReportTable, TestResult } from '#lib/core/report/model.ts';
import type { ExportLabels } from './labels.ts';

/**
 * What the XLSX overview sheet and the HTML header say about a report: which study, unit, round
 * and filter, when it was made and the rule for hidden figures. Words only, from the model.
 */
export function reportTitle(model: ReportModel): string {
	return `${model.study.name}: ${model.scope.name}`;
}

export function reportFacts(model: ReportModel, labels: ExportLabels): { label: string; value: string }[] {
	const t = labels.text;
	const roundName = (id: number | null) => model.rounds.find((round) => round.id === id)?.name ?? '';
	return [
		{ label: t.study(), value: model.study.name },
		{ label: t.scope(), value: model.scope.name },
		{ label: t.round(), value: roundName(model.filter.roundId) },
		{ label: t.compare(), value: model.filter.compareRoundId === null ? t.compare_none() : roundName(model.filter.compareRoundId) },
		...(model.comparisons.length ? [{ label: t.comparisons(), value: model.comparisons.map((unit) => unit.name).join(', ') }] : []),
		{ label: t.filter(), value: filterText(model, labels) },
		{ label: t.generated(), value: generatedText(model) }
	];
}

/** The rule for hidden figures and the legend of the marks. */
export function suppressionText(model: ReportModel, labels: ExportLabels): string[] {
	return [labels.text.min_group({ size: model.minGroupSize }), labels.text.legend({ hidden: labels.mark('small'), empty: labels.mark('empty') })];
}

function filterText(model: ReportModel, labels: ExportLabels): string {
	const t = labels.text;
	const { channel, language, segment, breakdown } = model.filter;
	const segmentOf = (key: string) => model.segments.find((candidate) => candidate.key === key);
	const parts = [
		...(channel ? [t.filter_channel({ value: channel })] : []),
		...(language ? [t.filter_language({ value: language })] : []),
		...(segment
			? [
					t.filter_segment({
						segment: segmentOf(segment.key)?.label ?? segment.key,
						group: segmentOf(segment.key)?.groups.find((group) => group.key === segment.group)?.label ?? segment.group
					})
				]
			: []),
		...(breakdown ? [t.filter_breakdown({ segment: segmentOf(breakdown)?.label ?? breakdown })] : [])
	];
	return parts.length ? parts.join('; ') : t.filter_none();
}

function generatedText(model: ReportModel): string {
	const when = new Date(model.generatedAt);
	return new Intl.DateTimeFormat(model.locale, { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(when);
}

/**
 * A test as a sentence: "two-proportion z-test, p = 0,011, p (adjusted) = 0,022, n = 44 and 109".
 * The adjusted p (ADR 0016) decides significance, so it is named whenever it differs.
 */
export function testText(test: TestResult, labels: ExportLabels): string {
	const raw = formatP(test.p, labels.locale);
	const adjusted = formatP(test.pAdjusted, labels.locale);
	const p = adjusted === raw ? raw : `${raw}, ${labels.text.col_p_adjusted()} ${adjusted.slice(2)}`;
	return labels.text.test_result({ test: labels.test(test.test), p, n1: test.n[0], n2: test.n[1] });
}

/** Every note under a table, in words, with its column tests. */
export function tableNotes(table: ReportTable, model: ReportModel, labels: ExportLabels): string[] {
	const notes = (table.notes ?? []).map((note) => labels.note(note, model.minGroupSize));
	for (const test of table.tests ?? []) {
		const [a, b] = test.columns;
		const row = test.row === undefined ? '' : `${labels.label(table.rows[test.row]?.label ?? '', table.rows[test.row]?.key ?? '')}: `;
		const columns = `${labels.label(table.columns[a]?.label ?? '', table.columns[a]?.key ?? '')} – ${labels.label(table.columns[b]?.label ?? '', table.columns[b]?.key ?? '')}`;
		notes.push(`${row}${columns}: ${testText(test, labels)}${test.significant ? ` (${labels.text.significant_mark()})` : ''}`);
	}
	return notes;
}
