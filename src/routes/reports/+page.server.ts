import { error } from '@sveltejs/kit';
import { canAnywhere } from '#lib/core/permissions.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireActor, rethrowAsHttp } from '../account-guard.ts';
import { listReportableStudies, listReportScopes } from '#lib/server/services/reports/build-report.ts';
import type { PageServerLoad } from './$types';

/** The studies the actor may read reports of, each with the units whose report they may open. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'report.view')) error(403, { message: m.report_forbidden() });
	const locale = getLocale() as Locale;
	const studies = await listReportableStudies(locals.ctx, actor, locale).catch(rethrowAsHttp);
	const withUnits = await Promise.all(
		studies.map(async (study) => ({ study, units: await listReportScopes(locals.ctx, actor, { studyKey: study.key, locale }).catch(rethrowAsHttp) }))
	);
	return { studies: withUnits };
};
