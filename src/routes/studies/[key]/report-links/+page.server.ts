import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { Locale } from '#lib/core/org-types.ts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireActor, rethrowAsHttp } from '../../../account-guard.ts';
import { createReportLink, reportLinkFilterKeys, revokeReportLink, viewReportLinks } from '#lib/server/services/reports/report-links.ts';
import { formValues, loadStudy } from '../../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Public links to the study's reports (ADR 0021): the list, a form for a new link and a revoke
 * button per live link. A new link's address is shown once, in the answer to the form post; it is
 * never stored, so the page cannot show it again.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await loadStudy(locals, url, params.key);
	const view = await viewReportLinks(locals.ctx, actor, params.key, getLocale() as Locale).catch(rethrowAsHttp);
	return { study: detail.study, permissions: detail.permissions, links: view.links, choices: view.choices };
};

type MessageFn = () => string;

/** A refused link as form errors: each field the service named, in the reader's language. */
function refused(caught: unknown, values: Record<string, unknown>) {
	if (isAppError(caught) && caught.kind === 'invalid') {
		const fields = (caught.details.fields ?? {}) as Record<string, string>;
		const errors: Record<string, string> = {};
		for (const [field, problem] of Object.entries(fields)) {
			const message = (m as unknown as Record<string, MessageFn | undefined>)[`report_share_problem_${problem}`];
			errors[field === 'scope' ? 'unit' : field] = message ? message() : m.error_generic();
		}
		return fail(400, { form: 'create', errors, values });
	}
	return rethrowAsHttp(caught);
}

export const actions: Actions = {
	create: async ({ request, locals, url, params }) => {
		const actor = requireActor(locals, url);
		const values = formValues(await request.formData());
		const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
		const [type = '', key = ''] = text('unit').split(':');
		try {
			const created = await createReportLink(locals.ctx, actor, {
				studyKey: params.key,
				scope: { type, key },
				filter: Object.fromEntries(reportLinkFilterKeys.map((name) => [name, text(name)])),
				label: text('label'),
				expiresOn: text('expiresOn')
			});
			return { form: 'create', created: { id: created.link.id, path: created.path, address: `${url.origin}${created.path}` } };
		} catch (caught) {
			return refused(caught, values);
		}
	},
	revoke: async ({ request, locals, url, params }) => {
		const actor = requireActor(locals, url);
		const id = Number((await request.formData()).get('linkId'));
		if (!Number.isInteger(id) || id <= 0) return fail(400, { form: 'revoke', errors: { form: m.error_generic() }, values: {} });
		await revokeReportLink(locals.ctx, actor, params.key, id).catch(rethrowAsHttp);
		redirect(303, `/studies/${params.key}/report-links?done=revoked`);
	}
};
