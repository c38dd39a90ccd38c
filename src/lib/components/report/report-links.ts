import type { ReportModel, ReportScopeType } from '#lib/core/report/model.ts';

/**
 * Addresses of the report pages (DESIGN URL scheme): the overview, a question's page (a matrix
 * row as `?facet=`) and the downloads, each carrying the report's filters as query parameters so a
 * link opens the same slice of the report.
 */
export const downloadFormats = ['xlsx', 'csv', 'pdf', 'json'] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

/** The filter parameters of the report pages, in the order they are written. */
export const filterParams = ['round', 'compare', 'channel', 'language', 'segment', 'breakdown'] as const;
export type FilterParam = (typeof filterParams)[number];

export function reportPath(studyKey: string, scope: { type: ReportScopeType; key: string }): string {
	return `/reports/${encodeURIComponent(studyKey)}/${scope.type}/${encodeURIComponent(scope.key)}`;
}

export function modelPath(model: Pick<ReportModel, 'study' | 'scope'>): string {
	return reportPath(model.study.key, model.scope);
}

/** The filter part of a query ("?round=2026&segment=age_band%3A15-29" or ""), other parameters dropped. */
export function filterQuery(search: URLSearchParams, extra: Record<string, string> = {}): string {
	const kept = new URLSearchParams();
	for (const name of filterParams) {
		const value = search.get(name);
		if (value) kept.set(name, value);
	}
	for (const [name, value] of Object.entries(extra)) kept.set(name, value);
	const text = kept.toString();
	return text ? `?${text}` : '';
}

export function questionPath(base: string, itemId: string, facet: string, search: URLSearchParams): string {
	return `${base}/q/${encodeURIComponent(itemId)}${filterQuery(search, facet ? { facet } : {})}`;
}

export function downloadPath(base: string, format: DownloadFormat, search: URLSearchParams): string {
	return `${base}/download/${format}${filterQuery(search)}`;
}
