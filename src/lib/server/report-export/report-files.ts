import type { ReportModel } from '#lib/core/report/model.ts';
import { exportLabels } from './labels.ts';
import { reportCsv } from './report-csv.ts';
import { reportHtml } from './report-html.ts';
import { htmlToPdf } from './report-pdf.ts';
import type { ReportFormat } from './report-formats.ts';
import { reportXlsx } from './report-xlsx.ts';

/**
 * A report model as a downloadable file, the one entry the report download route and
 * `aspa report` share. Every format reads the model only: aggregates with suppression already
 * applied, so no export can show what the report page hides (ADR 0020).
 */
export async function renderReport(model: ReportModel, format: ReportFormat, options: { chromiumPath: string }): Promise<Uint8Array | string> {
	const labels = exportLabels(model.locale);
	switch (format) {
		case 'json':
			return `${JSON.stringify(model, null, '\t')}\n`;
		case 'csv':
			return reportCsv(model, labels);
		case 'xlsx':
			return reportXlsx(model, labels);
		case 'html':
			return reportHtml(model, labels);
		case 'pdf':
			return htmlToPdf(reportHtml(model, labels, { forPdf: true }), options.chromiumPath);
	}
}

/**
 * `demo-customer-library-tampere-metso-2026.xlsx`: study, scope and round keys, so files of
 * several units and rounds can sit in one folder. Only letters, digits, `.`, `_` and `-`.
 */
export function reportFilename(model: ReportModel, format: ReportFormat): string {
	const round = model.rounds.find((candidate) => candidate.id === model.filter.roundId)?.key;
	const base = [model.study.key, model.scope.type, model.scope.key, ...(round ? [round] : [])].join('-');
	return `${base.replace(/[^A-Za-z0-9._-]+/g, '-')}.${format}`;
}
