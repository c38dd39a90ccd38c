import type { LibraryListFilter } from '#lib/core/organisations.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { listLibraries as listLibraryRows, type LibraryListRow } from '#lib/server/db/libraries.ts';
import { membershipsOn } from '#lib/server/db/memberships.ts';
import { listMunicipalities } from '#lib/server/db/municipalities.ts';
import { listNetworks, resolveNetwork } from '#lib/server/db/networks.ts';
import { resolveMunicipality } from '#lib/server/db/municipalities.ts';
import type { Deps } from './deps.ts';
import { requireAnywhere, today } from './org-access.ts';

export interface LibraryListItem extends LibraryListRow {
	networks: { id: number; key: string; nameFi: string; nameSv: string | null }[];
}

export interface UnitOption {
	key: string;
	nameFi: string;
	nameSv: string | null;
}

/**
 * Libraries the actor may see (`org.view` on each, with today's memberships), filtered by kind,
 * network, municipality, archived state and free text, plus the networks and municipalities the
 * filter can offer.
 */
export async function listLibrariesFor(
	deps: Deps,
	actor: Actor,
	filter: LibraryListFilter
): Promise<{ libraries: LibraryListItem[]; networks: UnitOption[]; municipalities: UnitOption[] }> {
	requireAnywhere(actor, 'org.view');
	const date = today(deps);
	const [network, municipality] = await Promise.all([
		filter.network ? resolveNetwork(deps.db, filter.network) : undefined,
		filter.municipality ? resolveMunicipality(deps.db, filter.municipality) : undefined
	]);
	const unknownFilter = (filter.network && !network) || (filter.municipality && !municipality);
	const [rows, memberships, allNetworks, allMunicipalities] = await Promise.all([
		unknownFilter
			? []
			: listLibraryRows(deps.db, date, {
					kind: filter.kind,
					networkId: network?.id,
					municipalityId: municipality?.id,
					q: filter.q,
					includeArchived: filter.archived === '1'
				}),
		membershipsOn(deps.db, date),
		listNetworks(deps.db),
		listMunicipalities(deps.db)
	]);
	const networkById = new Map(allNetworks.map((n) => [n.id, n]));
	const networkIdsOf = (libraryId: number) => memberships.networksOf.get(libraryId) ?? [];
	const visible = rows.filter((row) =>
		can(actor, 'org.view', {
			type: 'library',
			id: row.id,
			municipalityIds: row.municipalityId === null ? [] : [row.municipalityId],
			networkIds: networkIdsOf(row.id)
		})
	);
	const municipalityNetworks = new Map<number, Set<number>>();
	for (const [libraryId, municipalityId] of memberships.municipalityOf) {
		const set = municipalityNetworks.get(municipalityId) ?? new Set<number>();
		for (const networkId of networkIdsOf(libraryId)) set.add(networkId);
		municipalityNetworks.set(municipalityId, set);
	}
	const option = (unit: UnitOption): UnitOption => ({ key: unit.key, nameFi: unit.nameFi, nameSv: unit.nameSv });
	return {
		libraries: visible.map((row) => ({
			...row,
			networks: networkIdsOf(row.id).flatMap((id) => {
				const n = networkById.get(id);
				return n ? [{ id: n.id, key: n.key, nameFi: n.nameFi, nameSv: n.nameSv }] : [];
			})
		})),
		networks: allNetworks.filter((n) => can(actor, 'org.view', { type: 'network', id: n.id })).map(option),
		municipalities: allMunicipalities
			.filter((m) => can(actor, 'org.view', { type: 'municipality', id: m.id, networkIds: [...(municipalityNetworks.get(m.id) ?? [])] }))
			.map(option)
	};
}
