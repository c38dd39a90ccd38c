import type { Resource } from '#lib/core/permissions.ts';
import type { ScopeRef } from '#lib/core/organisations.ts';
import type { Db } from './client.ts';
import { libraryMembershipsOn, networksOfMunicipalityOn } from './memberships.ts';
import { resolveLibrary } from './libraries.ts';
import { resolveMunicipality } from './municipalities.ts';
import { resolveNetwork } from './networks.ts';

/**
 * The permission `Resource` of a unit with the memberships in force on `date`, so that routes and
 * services can ask `can(actor, action, resource)` about it:
 *
 *     const resource = await libraryResource(db, library.id, today);
 *     if (!can(actor, 'org.view', resource)) throw new AppError('forbidden', …);
 */
export async function libraryResource(db: Db, libraryId: number, date: string): Promise<Resource> {
	const { municipalityIds, networkIds } = await libraryMembershipsOn(db, libraryId, date);
	return { type: 'library', id: libraryId, municipalityIds, networkIds };
}

/** A municipality belongs to the networks that hold one of its libraries on the date. */
export async function municipalityResource(db: Db, municipalityId: number, date: string): Promise<Resource> {
	return { type: 'municipality', id: municipalityId, networkIds: await networksOfMunicipalityOn(db, municipalityId, date) };
}

export function networkResource(networkId: number): Resource {
	return { type: 'network', id: networkId };
}

export interface ResolvedScope {
	type: ScopeRef['type'];
	id: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
	resource: Resource;
}

/**
 * Resolves a scope reference (`library:tampere-metso`, `municipality:tampere`, `network:piki`,
 * with an ISIL or a Kirkanta id in place of a key) to its unit and resource on `date`; undefined
 * when no such unit exists.
 */
export async function resolveScope(db: Db, scope: ScopeRef, date: string): Promise<ResolvedScope | undefined> {
	switch (scope.type) {
		case 'library': {
			const unit = await resolveLibrary(db, scope.ref);
			return unit && { type: 'library', ...pick(unit), resource: await libraryResource(db, unit.id, date) };
		}
		case 'municipality': {
			const unit = await resolveMunicipality(db, scope.ref);
			return unit && { type: 'municipality', ...pick(unit), resource: await municipalityResource(db, unit.id, date) };
		}
		case 'network': {
			const unit = await resolveNetwork(db, scope.ref);
			return unit && { type: 'network', ...pick(unit), resource: networkResource(unit.id) };
		}
	}
}

function pick(unit: { id: number; key: string; nameFi: string; nameSv: string | null }) {
	return { id: unit.id, key: unit.key, nameFi: unit.nameFi, nameSv: unit.nameSv };
}
