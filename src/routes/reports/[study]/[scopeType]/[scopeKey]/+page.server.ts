import { requireActor } from '../../../../account-guard.ts';
import { loadReportModel } from '../../../report-route.ts';
import { parseReportQuery } from '../../../report-query.ts';
import type { PageServerLoad } from './$types';

/**
 * A report's overview. The page needs the questions' tables only when printing the whole report
 * (`?print=1`); otherwise they are left out of the page data, which is also sent to the browser.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	const { query, values, notices } = parseReportQuery(url.searchParams);
	const model = await loadReportModel(locals, actor, params, query);
	const print = url.searchParams.get('print') === '1';
	return {
		model: print ? model : { ...model, questions: model.questions.map((section) => ({ ...section, tables: [], charts: [] })) },
		values,
		notices,
		print
	};
};
