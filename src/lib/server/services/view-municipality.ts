import { AppError } from '#lib/core/errors.ts';
import { isIsoDate } from '#lib/core/local-date.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { listLibraries, type LibraryListRow } from '#lib/server/db/libraries.ts';
import { resolveMunicipality } from '#lib/server/db/municipalities.ts';
import { municipalityResource } from '#lib/server/db/org-resources.ts';
import type { Municipality } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { requireCan, today } from './org-access.ts';

export interface MunicipalityView {
	municipality: Municipality;
	libraries: LibraryListRow[];
	date: string;
	today: string;
	canManage: boolean;
}

/** A municipality by key or Kirkanta id with its libraries as they stood on `date` (default today). */
export async function viewMunicipality(deps: Deps, actor: Actor, ref: string, date?: string): Promise<MunicipalityView> {
	const municipality = await resolveMunicipality(deps.db, ref);
	if (!municipality) throw new AppError('not_found', 'org_not_found', `No municipality "${ref}".`);
	const now = today(deps);
	const on = date && isIsoDate(date) ? date : now;
	const resource = await municipalityResource(deps.db, municipality.id, now);
	requireCan(actor, 'org.view', resource);
	const libraries = await listLibraries(deps.db, on, { municipalityId: municipality.id, includeArchived: true });
	return { municipality, libraries, date: on, today: now, canManage: can(actor, 'org.manage', resource) };
}
