import { AppError } from '#lib/core/errors.ts';
import { isIsoDate } from '#lib/core/local-date.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { listLibraries, type LibraryListRow } from '#lib/server/db/libraries.ts';
import { resolveNetwork } from '#lib/server/db/networks.ts';
import { networkResource } from '#lib/server/db/org-resources.ts';
import type { Network } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { requireCan, today } from './org-access.ts';

export interface NetworkView {
	network: Network;
	/** Member libraries on `date` (archived ones included: they were members). */
	libraries: LibraryListRow[];
	date: string;
	today: string;
	canManage: boolean;
}

/** A network by key or Kirkanta id with its members as they stood on `date` (default today). */
export async function viewNetwork(deps: Deps, actor: Actor, ref: string, date?: string): Promise<NetworkView> {
	const network = await resolveNetwork(deps.db, ref);
	if (!network) throw new AppError('not_found', 'org_not_found', `No network "${ref}".`);
	const resource = networkResource(network.id);
	requireCan(actor, 'org.view', resource);
	const now = today(deps);
	const on = date && isIsoDate(date) ? date : now;
	const libraries = await listLibraries(deps.db, on, { networkId: network.id, includeArchived: true });
	return { network, libraries, date: on, today: now, canManage: can(actor, 'org.manage', resource) };
}
