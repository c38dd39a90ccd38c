import { can, type Action, type Actor, type Resource } from '#lib/core/permissions.ts';
import type { ScopeUnit } from '#lib/core/scope-directory.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';

export interface ScopeChoices {
	networks: ScopeUnit[];
	municipalities: ScopeUnit[];
	libraries: ScopeUnit[];
}

/**
 * The organisation units an actor may put a study (or a privacy notice) over: those where they
 * hold `action` (default `study.manage`) with today's memberships. Archived units are left out.
 * The study pages offer these; `createStudy` checks the same thing again.
 */
export async function studyScopeChoices(deps: Deps, actor: Actor, action: Action = 'study.manage'): Promise<ScopeChoices> {
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const allowed = (resource: Resource) => can(actor, action, resource);
	const live = <T extends ScopeUnit>(unit: T) => !unit.archived;
	const plain = ({ id, key, nameFi, nameSv }: ScopeUnit): ScopeUnit => ({ id, key, nameFi, nameSv });
	const byName = (a: ScopeUnit, b: ScopeUnit) => a.nameFi.localeCompare(b.nameFi, 'fi');
	return {
		networks: directory.networks.filter(live).filter((unit) => allowed({ type: 'network', id: unit.id })).map(plain).sort(byName),
		municipalities: directory.municipalities
			.filter(live)
			.filter((unit) => allowed({ type: 'municipality', id: unit.id, networkIds: unit.networkIds }))
			.map(plain)
			.sort(byName),
		libraries: directory.libraries
			.filter(live)
			.filter((unit) => allowed({ type: 'library', id: unit.id, municipalityIds: unit.municipalityIds, networkIds: unit.networkIds }))
			.map(plain)
			.sort(byName)
	};
}
