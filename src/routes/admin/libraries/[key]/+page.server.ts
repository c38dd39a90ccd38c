import type { Actor } from '#lib/core/permissions.ts';
import { archiveActions, loadUnitPage, unitAction } from '../../org-form.ts';
import type { Deps } from '#lib/server/services/deps.ts';
import { addNetworkMembership } from '#lib/server/services/add-network-membership.ts';
import { createMobileStop } from '#lib/server/services/create-mobile-stop.ts';
import { endNetworkMembership } from '#lib/server/services/end-network-membership.ts';
import { moveLibrary } from '#lib/server/services/move-library.ts';
import { setLibrarySizeClass } from '#lib/server/services/set-library-size-class.ts';
import { viewLibrary } from '#lib/server/services/view-library.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadUnitPage(event, 'libraries', (deps, actor) => viewLibrary(deps, actor, event.params.key), (view) => view.library.key);

const libraryId = async (deps: Deps, actor: Actor, params: { key: string }) => (await viewLibrary(deps, actor, params.key)).library.id;

export const actions: Actions = {
	sizeClass: unitAction(libraryId, 'sizeClass', 'size', setLibrarySizeClass),
	move: unitAction(libraryId, 'move', 'moved', moveLibrary),
	join: unitAction(libraryId, 'join', 'joined', addNetworkMembership),
	leave: unitAction(libraryId, 'leave', 'left', endNetworkMembership),
	addStop: unitAction(libraryId, 'addStop', 'stop_added', createMobileStop),
	...archiveActions(async (deps, actor, params: { key: string }) => ({ type: 'library', id: await libraryId(deps, actor, params) }))
};
