import { error } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../../../../../../account-guard.ts';
import { renderReport, reportFilename } from '#lib/server/report-export/report-files.ts';
import { isReportFormat, reportContentTypes } from '#lib/server/report-export/report-formats.ts';
import { download } from '../../../../../../studies/download.ts';
import { parseReportQuery } from '../../../../../report-query.ts';
import { loadReportModel } from '../../../../../report-route.ts';
import type { RequestHandler } from './$types';

/**
 * The report as a file: XLSX, CSV, PDF, JSON or standalone HTML, with the filters of the report
 * page (`round`, `compare`, `channel`, `language`, `segment`, `breakdown`) and the page's language.
 * Built from the same model as the page, so it hides what the page hides (ADR 0020). The file
 * name names the study, the unit and the round.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	const format = params.format;
	if (!isReportFormat(format)) error(404, { message: m.report_export_format_unknown() });
	const { query } = parseReportQuery(url.searchParams);
	const model = await loadReportModel(locals, actor, params, query);
	let body: Uint8Array | string;
	try {
		body = await renderReport(model, format, { chromiumPath: locals.ctx.config.chromiumPath });
	} catch (caught) {
		if (isAppError(caught) && caught.code === 'report_pdf_unavailable') error(503, { message: m.report_export_pdf_unavailable() });
		throw caught;
	}
	return download(body, reportContentTypes[format], reportFilename(model, format));
};
