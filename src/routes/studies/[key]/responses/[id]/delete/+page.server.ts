import { redirect } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { rethrowAsHttp } from '../../../../../account-guard.ts';
import { deleteResponse } from '#lib/server/services/collection/delete-response.ts';
import { viewResponse } from '#lib/server/services/collection/view-response.ts';
import { asLanguage } from '#lib/components/builder/labels.ts';
import { loadStudy } from '../../../../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

/** The confirmation step before a response is deleted (the deletion is audited by the service). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await loadStudy(locals, url, params.key);
	const viewed = await viewResponse(locals.ctx, actor, Number(params.id) || 0, asLanguage(getLocale())).catch(rethrowAsHttp);
	return { study: detail.study, permissions: detail.permissions, response: viewed.response };
};

export const actions: Actions = {
	default: async ({ locals, url, params }) => {
		const { actor } = await loadStudy(locals, url, params.key);
		await deleteResponse(locals.ctx, actor, Number(params.id) || 0).catch(rethrowAsHttp);
		redirect(303, `/studies/${params.key}/responses?done=deleted`);
	}
};
