import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues } from '#lib/server/http/org-form.ts';
import { setArchived } from '#lib/server/services/archive-unit.ts';
import { updateMobileStop } from '#lib/server/services/update-mobile-stop.ts';
import { viewLibrary } from '#lib/server/services/view-library.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const { library, stops, canManage } = await viewLibrary(locals.ctx, actor, params.key);
		if (!canManage) error(403, { message: m.admin_forbidden_manage() });
		const stop = stops.find((s) => s.key === params.stop);
		if (!stop) error(404, { message: m.error_org_not_found() });
		return { library, stop, done: url.searchParams.get('done') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

async function archive(event: RequestEvent<{ key: string; stop: string }>, archived: boolean) {
	const actor = requireActor(event.locals, event.url);
	const values = formValues(await event.request.formData());
	try {
		const { library } = await viewLibrary(event.locals.ctx, actor, event.params.key);
		await setArchived(event.locals.ctx, actor, { type: 'mobile_stop', libraryId: library.id, key: event.params.stop }, archived);
	} catch (caught) {
		return failForm(caught, 'archive', values);
	}
	return { form: 'archive', done: archived ? 'archived' : 'unarchived' };
}

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireActor(locals, url);
		const values = formValues(await request.formData());
		let libraryKey: string;
		try {
			const { library } = await viewLibrary(locals.ctx, actor, params.key);
			libraryKey = library.key;
			await updateMobileStop(locals.ctx, actor, library.id, params.stop, values);
		} catch (caught) {
			return failForm(caught, 'stop', values);
		}
		redirect(303, `/admin/libraries/${libraryKey}/stops/${params.stop}?done=saved`);
	},
	archive: (event) => archive(event, true),
	unarchive: (event) => archive(event, false)
};
