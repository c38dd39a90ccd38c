import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '#lib/core/permissions.ts';
import { requireActor, rethrowAsHttp } from '#lib/server/http/account-guard.ts';
import { failForm, formValues, type FormValues } from '#lib/server/http/org-form.ts';
import type { Deps } from '#lib/server/services/deps.ts';
import { addNetworkMembership } from '#lib/server/services/add-network-membership.ts';
import { setArchived } from '#lib/server/services/archive-unit.ts';
import { createMobileStop } from '#lib/server/services/create-mobile-stop.ts';
import { endNetworkMembership } from '#lib/server/services/end-network-membership.ts';
import { moveLibrary } from '#lib/server/services/move-library.ts';
import { setLibrarySizeClass } from '#lib/server/services/set-library-size-class.ts';
import { viewLibrary } from '#lib/server/services/view-library.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const view = await viewLibrary(locals.ctx, actor, params.key);
		// Reached by an alias (ISIL or Kirkanta id): show the page under its key.
		if (view.library.key !== params.key) redirect(308, `/admin/libraries/${view.library.key}${url.search}`);
		return { ...view, done: url.searchParams.get('done') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

type Change = (deps: Deps, actor: Actor, libraryId: number, values: FormValues) => Promise<unknown>;

/** One named form of the page: run the change on this library, or give the input back with errors. */
function action(form: string, done: string, change: Change) {
	return async (event: RequestEvent<{ key: string }>) => {
		const actor = requireActor(event.locals, event.url);
		const values = formValues(await event.request.formData());
		try {
			const { library } = await viewLibrary(event.locals.ctx, actor, event.params.key);
			await change(event.locals.ctx, actor, library.id, values);
		} catch (caught) {
			return failForm(caught, form, values);
		}
		return { form, done };
	};
}

export const actions: Actions = {
	sizeClass: action('sizeClass', 'size', setLibrarySizeClass),
	move: action('move', 'moved', moveLibrary),
	join: action('join', 'joined', addNetworkMembership),
	leave: action('leave', 'left', endNetworkMembership),
	addStop: action('addStop', 'stop_added', createMobileStop),
	archive: action('archive', 'archived', (deps, actor, id) => setArchived(deps, actor, { type: 'library', id }, true)),
	unarchive: action('archive', 'unarchived', (deps, actor, id) => setArchived(deps, actor, { type: 'library', id }, false))
};
