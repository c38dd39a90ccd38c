import { renderChart } from '#lib/core/report/charts/render-chart.ts';
import { escapeXml as esc } from '#lib/core/report/charts/svg.ts';
import { formatDifference, formatInterval, formatNumber, formatValue } from '#lib/core/report/format.ts';
import { isShown, type Callout, type Figure, type QuestionSection, type ReportChart, type ReportModel, type ReportTable, type TopEntry } from '#lib/core/report/model.ts';
import { reportFacts, reportTitle, suppressionText, tableNotes, testText } from './describe.ts';
import type { ExportLabels } from './labels.ts';
import { solidChartFills } from './print-charts.ts';
import { reportCss } from './report-css.ts';

/**
 * The report as one self-contained HTML file: inline CSS, the charts as inline SVG, every table
 * as a data table with a caption and header cells, the report's language on `<html lang>`. It is
 * what the PDF is printed from, and a file that opens anywhere without the server (ADR 0020).
 *
 * Every chart stands next to the table it is drawn from, so nothing is only in a picture. A
 * figure that is not shown reads as its mark (`..`) on screen and in words for a screen reader.
 */
export function reportHtml(model: ReportModel, labels: ExportLabels, options: { forPdf?: boolean } = {}): string {
	const t = labels.text;
	const title = reportTitle(model);
	const ids = new IdMaker();
	const questions = model.questions.map((question) => ({ question, id: ids.make(`q-${question.itemId}${question.facet ? `-${question.facet}` : ''}`) }));
	const contents = [
		`<li><a href="#overview">${esc(t.overview())}</a></li>`,
		`<li><a href="#questions">${esc(t.questions())}</a><ol>${questions.map(({ question, id }) => `<li><a href="#${id}">${esc(`${question.number}. ${question.text}`)}</a></li>`).join('')}</ol></li>`,
		...(model.openText.length ? [`<li><a href="#open-text">${esc(t.open_text())}</a></li>`] : [])
	];
	const body = [
		`<header><h1>${esc(title)}</h1>`,
		`<dl class="facts">${reportFacts(model, labels)
			.map((fact) => `<div><dt>${esc(fact.label)}</dt><dd>${esc(fact.value)}</dd></div>`)
			.join('')}</dl>`,
		suppressionText(model, labels)
			.map((text) => `<p class="rule">${esc(text)}</p>`)
			.join(''),
		'</header>',
		`<nav aria-labelledby="contents"><h2 id="contents">${esc(t.contents())}</h2><ol>${contents.join('')}</ol></nav>`,
		'<main>',
		overview(model, labels, ids, options),
		`<section aria-labelledby="questions"><h2 id="questions">${esc(t.questions())}</h2>`,
		questions.map(({ question, id }) => questionSection(question, id, model, labels, ids, options)).join('\n'),
		'</section>',
		openText(model, labels),
		'</main>',
		`<footer><p>${esc(t.footer())}</p></footer>`
	].join('\n');
	return `<!doctype html>
<html lang="${model.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Aspa">
<title>${esc(title)}</title>
<style>${reportCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

class IdMaker {
	used = new Set<string>();
	make(wanted: string): string {
		const base = wanted.replace(/[^A-Za-z0-9_-]+/g, '-');
		let id = base;
		for (let copy = 2; this.used.has(id); copy++) id = `${base}-${copy}`;
		this.used.add(id);
		return id;
	}
}

function overview(model: ReportModel, labels: ExportLabels, ids: IdMaker, options: { forPdf?: boolean }): string {
	const t = labels.text;
	const tables = [...model.overview.tables, ...model.overview.headlines];
	return [
		`<section aria-labelledby="overview"><h2 id="overview">${esc(t.overview())}</h2>`,
		tablesWithCharts(tables, model.overview.charts ?? [], model, labels, ids, options),
		topList(t.strengths(), model.overview.strengths, labels, ids),
		topList(t.improvements(), model.overview.improvements, labels, ids),
		callouts(t.round_changes(), model.overview.roundChanges, labels, ids),
		callouts(t.segment_gaps(), model.overview.segmentGaps, labels, ids),
		'</section>'
	].join('\n');
}

function questionSection(question: QuestionSection, id: string, model: ReportModel, labels: ExportLabels, ids: IdMaker, options: { forPdf?: boolean }): string {
	const zones = (question.zones ?? [])
		.map((zone, index) => {
			if (!zone) return '';
			const column = model.columns[index];
			const value = (n: number) => formatNumber(n, model.locale, 1);
			return `<li>${esc(column ? `${labels.label(column.label, column.key)}: ` : '')}${esc(labels.text.zone({ low: value(zone.low), high: value(zone.high), perceived: value(zone.perceived) }))}</li>`;
		})
		.filter(Boolean);
	return [
		`<section class="question" aria-labelledby="${id}"><h3 id="${id}"><span class="number">${esc(question.number)}.</span> ${esc(question.text)}</h3>`,
		zones.length ? `<ul class="zones">${zones.join('')}</ul>` : '',
		tablesWithCharts(question.tables, question.charts, model, labels, ids, options),
		'</section>'
	].join('\n');
}

/** Each table after the charts drawn from it. */
function tablesWithCharts(tables: ReportTable[], charts: ReportChart[], model: ReportModel, labels: ExportLabels, ids: IdMaker, options: { forPdf?: boolean }): string {
	return tables
		.map((table) => {
			const worded = wordedTable(table, labels);
			const tableId = ids.make(`t-${table.id}`);
			const drawn = charts
				.filter((chart) => chart.tableId === table.id)
				.map((chart) => {
					const svg = renderChart({ id: ids.make(`c-${table.id}-${chart.kind}`), title: worded.title, description: labels.text.chart_description(), locale: model.locale, words: labels.chartWords, chart, table: worded });
					return `<figure class="chart">${options.forPdf ? solidChartFills(svg) : svg}</figure>`;
				})
				.join('\n');
			return `${drawn}\n${dataTable(worded, tableId, model, labels)}`;
		})
		.join('\n');
}

/** A table whose empty labels are worded, as charts draw labels as they are. */
function wordedTable(table: ReportTable, labels: ExportLabels): ReportTable {
	return {
		...table,
		columns: table.columns.map((column) => ({ ...column, label: labels.label(column.label, column.key) })),
		rows: table.rows.map((row) => ({ ...row, label: labels.label(row.label, row.key) }))
	};
}

function figureCell(table: ReportTable, figure: Figure, model: ReportModel, labels: ExportLabels): string {
	if (!isShown(figure)) {
		return `<td class="not-shown"><span aria-hidden="true">${esc(labels.mark(figure.suppressed))}</span><span class="sr-only">${esc(labels.suppressed(figure.suppressed))}</span></td>`;
	}
	const value = formatValue(table.measure, figure.value, model.locale);
	const interval = figure.interval ? `<span class="interval">${esc(formatInterval(table.measure, figure.interval, model.locale, labels.figureWords))}</span>` : '';
	const n = table.measure === 'respondents' ? '' : `<span class="n">n = ${esc(formatNumber(figure.n, model.locale))}</span>`;
	return `<td><span class="value">${esc(value)}</span>${interval}${n}</td>`;
}

function dataTable(table: ReportTable, id: string, model: ReportModel, labels: ExportLabels): string {
	const withTest = table.rows.some((row) => row.test);
	const head = `<tr><th scope="col"><span class="sr-only">${esc(labels.text.col_row())}</span></th>${table.columns.map((column) => `<th scope="col">${esc(column.label)}</th>`).join('')}${withTest ? `<th scope="col">${esc(labels.text.col_test())}</th>` : ''}</tr>`;
	const rows = table.rows
		.map((row) => {
			const test = withTest ? `<td class="test">${row.test ? esc(testText(row.test, labels)) + (row.test.significant ? ` <strong>${esc(labels.text.significant_mark())}</strong>` : '') : ''}</td>` : '';
			return `<tr><th scope="row">${esc(row.label)}</th>${row.cells.map((figure) => figureCell(table, figure, model, labels)).join('')}${test}</tr>`;
		})
		.join('');
	const notes = tableNotes(table, model, labels);
	const caption = esc(table.title);
	return [
		`<div class="table-wrap" id="${id}">`,
		`<table><caption>${caption}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`,
		notes.length ? `<ul class="notes">${notes.map((note) => `<li>${esc(note)}</li>`).join('')}</ul>` : '',
		'</div>'
	].join('');
}

function topList(title: string, entries: TopEntry[], labels: ExportLabels, ids: IdMaker): string {
	const t = labels.text;
	const id = ids.make(`top-${title}`);
	if (!entries.length) return `<h3 id="${id}">${esc(title)}</h3><p>${esc(t.none())}</p>`;
	const locale = labels.locale;
	const rows = entries
		.map((entry) => {
			const figure = `${formatValue(entry.measure, entry.figure.value, locale)}${entry.figure.interval ? ` ${formatInterval(entry.measure, entry.figure.interval, locale, labels.figureWords)}` : ''}, n = ${formatNumber(entry.figure.n, locale)}`;
			const comparison = entry.comparison ? formatValue(entry.measure, entry.comparison.value, locale) : '';
			return `<tr><th scope="row">${esc(entry.text)}</th><td>${esc(labels.measure(entry.measure))}: ${esc(figure)}</td><td>${esc(comparison)}</td><td>${esc(labels.reason(entry.reason))}</td></tr>`;
		})
		.join('');
	return `<h3 id="${id}">${esc(title)}</h3><div class="table-wrap"><table><caption class="sr-only">${esc(title)}</caption><thead><tr><th scope="col">${esc(t.col_question())}</th><th scope="col">${esc(t.col_value())}</th><th scope="col">${esc(t.col_comparison())}</th><th scope="col">${esc(t.col_reason())}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function callouts(title: string, list: Callout[], labels: ExportLabels, ids: IdMaker): string {
	const t = labels.text;
	const id = ids.make(`callouts-${title}`);
	if (!list.length) return `<h3 id="${id}">${esc(title)}</h3><p>${esc(t.none())}</p>`;
	const locale = labels.locale;
	const side = (figure: Callout['from'], measure: Callout['measure']) => `${labels.label(figure.group.label, figure.group.key)}: ${formatValue(measure, figure.value, locale)}`;
	const rows = list
		.map(
			(callout) =>
				`<tr><th scope="row">${esc(callout.text)}</th><td>${esc(side(callout.from, callout.measure))}</td><td>${esc(side(callout.to, callout.measure))}</td><td>${esc(formatDifference(callout.measure, callout.difference, locale, labels.figureWords))}</td><td>${esc(testText(callout.test, labels))}${callout.test.significant ? ` <strong>${esc(t.significant_mark())}</strong>` : ''}</td></tr>`
		)
		.join('');
	return `<h3 id="${id}">${esc(title)}</h3><div class="table-wrap"><table><caption class="sr-only">${esc(title)}</caption><thead><tr><th scope="col">${esc(t.col_question())}</th><th scope="col">${esc(t.col_from())}</th><th scope="col">${esc(t.col_to())}</th><th scope="col">${esc(t.col_difference())}</th><th scope="col">${esc(t.col_test())}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function openText(model: ReportModel, labels: ExportLabels): string {
	if (!model.openText.length) return '';
	const t = labels.text;
	const sections = model.openText.map((section, index) => {
		const id = `open-${index + 1}`;
		const head = `<h3 id="${id}">${esc(section.text)}</h3><p>${esc(t.open_text_answers({ count: formatNumber(section.answers, model.locale) }))}</p>`;
		if (section.suppressed || !section.themes.length) return `${head}<p>${esc(section.suppressed === 'empty' ? labels.suppressed('empty') : t.open_text_hidden())}</p>`;
		const rows = section.themes
			.map((theme) => `<tr><th scope="row">${esc(theme.label)}</th><td>${esc(formatNumber(theme.count, model.locale))}</td><td><ul class="quotes">${theme.quotes.map((quote) => `<li>${esc(quote)}</li>`).join('')}</ul></td></tr>`)
			.join('');
		return `${head}<div class="table-wrap"><table><caption class="sr-only">${esc(section.text)}</caption><thead><tr><th scope="col">${esc(t.theme())}</th><th scope="col">${esc(t.theme_count())}</th><th scope="col">${esc(t.theme_quotes())}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
	});
	return `<section aria-labelledby="open-text"><h2 id="open-text">${esc(t.open_text())}</h2>${sections.join('\n')}</section>`;
}
