/** The report download formats (light: the CLI reads these without loading the renderers). */
export const reportFormats = ['xlsx', 'csv', 'pdf', 'json', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
	return typeof value === 'string' && (reportFormats as readonly string[]).includes(value);
}

export const reportContentTypes: Record<ReportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	pdf: 'application/pdf',
	json: 'application/json; charset=utf-8',
	html: 'text/html; charset=utf-8'
};

