import { AppError } from '#lib/core/errors.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { resolveLibrary } from '#lib/server/db/libraries.ts';
import { listMunicipalityHistory, listNetworkHistory, type MunicipalityMembership, type NetworkMembership } from '#lib/server/db/memberships.ts';
import { listMobileStops } from '#lib/server/db/mobile-stops.ts';
import { listMunicipalities } from '#lib/server/db/municipalities.ts';
import { listNetworks } from '#lib/server/db/networks.ts';
import { libraryResource } from '#lib/server/db/org-resources.ts';
import type { Library, MobileStop } from '#lib/server/db/schema.ts';
import type { Deps } from './deps.ts';
import type { UnitOption } from './list-libraries.ts';
import { requireCan, today } from './org-access.ts';

export interface LibraryView {
	library: Library;
	/** Whole history, oldest first; `validTo` null = in force. */
	municipalities: MunicipalityMembership[];
	networks: NetworkMembership[];
	stops: MobileStop[];
	canManage: boolean;
	/** For the forms (admins only): active municipalities and networks to choose from. */
	options: { municipalities: UnitOption[]; networks: UnitOption[] };
	today: string;
}

/** A library by key, ISIL or Kirkanta id, with its membership history and stops. */
export async function viewLibrary(deps: Deps, actor: Actor, ref: string): Promise<LibraryView> {
	const library = await resolveLibrary(deps.db, ref);
	if (!library) throw new AppError('not_found', 'org_not_found', `No library "${ref}".`);
	const date = today(deps);
	const resource = await libraryResource(deps.db, library.id, date);
	requireCan(actor, 'org.view', resource);
	const canManage = can(actor, 'org.manage', resource);
	const [municipalities, networks, stops, municipalityOptions, networkOptions] = await Promise.all([
		listMunicipalityHistory(deps.db, library.id),
		listNetworkHistory(deps.db, library.id),
		listMobileStops(deps.db, library.id, { includeArchived: true }),
		canManage ? listMunicipalities(deps.db) : [],
		canManage ? listNetworks(deps.db) : []
	]);
	const option = (unit: UnitOption): UnitOption => ({ key: unit.key, nameFi: unit.nameFi, nameSv: unit.nameSv });
	return {
		library,
		municipalities,
		networks,
		stops,
		canManage,
		options: { municipalities: municipalityOptions.map(option), networks: networkOptions.map(option) },
		today: date
	};
}
