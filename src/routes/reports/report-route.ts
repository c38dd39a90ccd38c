import { error } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { Locale } from '#lib/core/org-types.ts';
import type { Actor } from '#lib/core/permissions.ts';
import type { ReportModel, ReportScopeType } from '#lib/core/report/model.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { errorText } from '#lib/components/account/error-text.ts';
import { buildStudyReport } from '#lib/server/services/reports/build-report.ts';
import type { ReportQuery } from './report-query.ts';

const scopeTypes: readonly ReportScopeType[] = ['library', 'municipality', 'network'];

/**
 * Route glue for the report pages: the report model as the actor may see it, or the HTTP error
 * with a sentence in the page's language — an unknown study, unit or round is 404, a unit the
 * actor may not open is 403, a filter the service refuses is 400.
 */
export async function loadReportModel(
	locals: App.Locals,
	actor: Actor,
	params: { study: string; scopeType: string; scopeKey: string },
	query: ReportQuery
): Promise<ReportModel> {
	const type = scopeTypes.find((candidate) => candidate === params.scopeType);
	if (!type) error(404, { message: m.report_not_found() });
	try {
		return await buildStudyReport(locals.ctx, actor, { studyKey: params.study, scope: { type, key: params.scopeKey }, filter: query, locale: getLocale() as Locale });
	} catch (caught) {
		if (isAppError(caught)) {
			if (caught.kind === 'not_found') error(404, { message: m.report_not_found() });
			if (caught.kind === 'forbidden' || caught.kind === 'unauthenticated') error(403, { message: m.report_forbidden() });
			if (caught.kind === 'invalid') error(400, { message: m.report_bad_filter({ detail: errorText(caught.code, caught.details) }) });
		}
		throw caught;
	}
}
