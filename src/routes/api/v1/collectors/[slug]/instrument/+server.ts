import { json } from '@sveltejs/kit';
import { openCollectorForRespondent } from '#lib/server/services/collection/open-collector-for-respondent.ts';
import { acceptedLocale, appErrorJson, errorJson, modeParam } from '../../../api-support.ts';
import type { RequestHandler } from './$types';

/**
 * The published instrument a collector asks, with the round's status and the languages offered.
 * Public, like the respondent page. See openapi.ts.
 */
export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const locale = acceptedLocale(request.headers.get('accept-language'));
	const mode = modeParam(url);
	if (!mode) return errorJson(400, 'invalid_input', locale);
	try {
		const view = await openCollectorForRespondent(locals.ctx, { mode, slug: params.slug });
		return json(
			{
				collector: { slug: view.collector.slug, mode: view.collector.mode, channel: view.collector.channel },
				study: { key: view.study.key, name: view.study.name, usesTokens: view.study.usesTokens, onePerDevice: view.study.onePerDevice },
				round: view.round && { key: view.round.key, name: view.round.name, opensAt: view.round.opensAt.toISOString(), closesAt: view.round.closesAt.toISOString() },
				status: view.status,
				library: view.library && { key: view.library.key, nameFi: view.library.nameFi, nameSv: view.library.nameSv },
				instrumentVersionId: view.instrumentVersionId,
				languages: view.languages,
				baseLanguage: view.baseLanguage,
				definition: view.instrument,
				optionSources: view.optionSources,
				privacyNotice: view.privacyNotice
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch (error) {
		return appErrorJson(error, locale);
	}
};
