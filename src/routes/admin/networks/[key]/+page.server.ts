import { redirect } from '@sveltejs/kit';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { setArchived } from '#lib/server/services/archive-unit.ts';
import { viewNetwork } from '#lib/server/services/view-network.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const view = await viewNetwork(locals.ctx, actor, params.key, url.searchParams.get('on') ?? undefined);
		// Reached by an alias (a Kirkanta id): show the page under its key.
		if (view.network.key !== params.key) redirect(308, `/admin/networks/${view.network.key}${url.search}`);
		return { ...view, done: url.searchParams.get('done') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

async function archive(event: Parameters<Actions[string]>[0], archived: boolean) {
	const actor = requireActor(event.locals, event.url);
	const values = formValues(await event.request.formData());
	try {
		const { network } = await viewNetwork(event.locals.ctx, actor, event.params.key!);
		await setArchived(event.locals.ctx, actor, { type: 'network', id: network.id }, archived);
	} catch (caught) {
		return failForm(caught, 'archive', values);
	}
	return { done: archived ? 'archived' : 'unarchived' };
}

export const actions: Actions = {
	archive: (event) => archive(event, true),
	unarchive: (event) => archive(event, false)
};
