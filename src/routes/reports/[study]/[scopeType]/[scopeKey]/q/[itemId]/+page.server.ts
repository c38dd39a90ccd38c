import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../../../../../../account-guard.ts';
import { loadReportModel } from '../../../../../report-route.ts';
import { parseReportQuery } from '../../../../../report-query.ts';
import type { PageServerLoad } from './$types';

/** One question of a report: an item, a matrix row (`?facet=`), or an open-text question with its themes. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	const { query, values, notices } = parseReportQuery(url.searchParams);
	const model = await loadReportModel(locals, actor, params, query);
	const facet = url.searchParams.get('facet') ?? '';
	const question = model.questions.find((section) => section.itemId === params.itemId && section.facet === facet) ?? null;
	const openText = facet ? null : (model.openText.find((section) => section.itemId === params.itemId) ?? null);
	if (!question && !openText) error(404, { message: m.report_question_not_found() });
	return {
		model: { ...model, questions: question ? [question] : [], openText: openText ? [openText] : [] },
		question,
		openText,
		values: facet ? { ...values, facet } : values,
		notices,
		print: url.searchParams.get('print') === '1'
	};
};
