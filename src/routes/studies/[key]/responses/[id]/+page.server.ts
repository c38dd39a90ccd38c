import { getLocale } from '#lib/paraglide/runtime.js';
import { rethrowAsHttp } from '../../../../account-guard.ts';
import { viewResponse } from '#lib/server/services/collection/view-response.ts';
import { asLanguage } from '#lib/components/builder/labels.ts';
import { loadStudy } from '../../../study-route.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await loadStudy(locals, url, params.key);
	const viewed = await viewResponse(locals.ctx, actor, Number(params.id) || 0, asLanguage(getLocale())).catch(rethrowAsHttp);
	return { study: detail.study, permissions: detail.permissions, rounds: detail.rounds.map((round) => ({ id: round.id, name: round.name })), libraries: detail.libraries, ...viewed };
};
