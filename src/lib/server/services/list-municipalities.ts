import type { MunicipalityListFilter } from '#lib/core/organisations.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { membershipsOn } from '#lib/server/db/memberships.ts';
import { listMunicipalities } from '#lib/server/db/municipalities.ts';
import type { Municipality } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import { requireAnywhere, today } from './org-access.ts';

/**
 * Municipalities the actor may see, with today's library count. A municipality belongs to the
 * networks that hold one of its libraries, so a coordinator sees the municipalities of their network.
 */
export async function listMunicipalitiesFor(
	deps: Deps,
	actor: Actor,
	filter: MunicipalityListFilter
): Promise<(Municipality & { libraryCount: number })[]> {
	requireAnywhere(actor, 'org.view');
	const [municipalities, memberships] = await Promise.all([
		listMunicipalities(deps.db, { q: filter.q, includeArchived: filter.archived === '1' }),
		membershipsOn(deps.db, today(deps))
	]);
	const libraries = new Map<number, number[]>();
	for (const [libraryId, municipalityId] of memberships.municipalityOf) libraries.set(municipalityId, [...(libraries.get(municipalityId) ?? []), libraryId]);
	return municipalities
		.map((m) => {
			const libraryIds = libraries.get(m.id) ?? [];
			const networkIds = [...new Set(libraryIds.flatMap((id) => memberships.networksOf.get(id) ?? []))];
			return { municipality: m, libraryCount: libraryIds.length, networkIds };
		})
		.filter(({ municipality, networkIds }) => can(actor, 'org.view', { type: 'municipality', id: municipality.id, networkIds }))
		.map(({ municipality, libraryCount }) => ({ ...municipality, libraryCount }));
}
