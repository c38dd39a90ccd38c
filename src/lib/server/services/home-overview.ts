import type { Role, ScopeType } from '#lib/core/org-types.ts';
import { canAnywhere, type Actor } from '#lib/core/permissions.ts';
import { findScopeUnit, type ScopeUnit } from '#lib/core/scope-directory.ts';
import { countUnsentMail } from '#lib/server/db/mail-outbox.ts';
import { currentScopeDirectory } from './account-directory.ts';
import type { Deps } from './deps.ts';

export interface HomeCard {
	role: Role;
	scopeType: ScopeType;
	/** The unit of the grant; undefined for global grants and units that are gone. */
	unit?: ScopeUnit;
	/** Libraries under a network or municipality grant (a library grant: just that library). */
	libraries: ScopeUnit[];
	/** Municipalities under a network grant. */
	municipalityCount: number;
}

/**
 * What the home page shows a signed-in person: one card per grant, with the scope named and
 * the units it covers, and for admins the number of messages still waiting in the outbox.
 */
export async function homeOverview(deps: Deps, actor: Actor) {
	const directory = await currentScopeDirectory(deps.db, deps.now());
	const cards: HomeCard[] = actor.grants.map((grant) => {
		const unit = findScopeUnit(directory, grant);
		const libraries =
			grant.scopeType === 'network'
				? directory.libraries.filter((library) => library.networkIds.includes(grant.scopeId!) && !library.archived)
				: grant.scopeType === 'municipality'
					? directory.libraries.filter((library) => library.municipalityIds.includes(grant.scopeId!) && !library.archived)
					: grant.scopeType === 'library' && unit
						? [unit]
						: [];
		const municipalityCount =
			grant.scopeType === 'network' ? directory.municipalities.filter((m) => m.networkIds.includes(grant.scopeId!)).length : 0;
		return { role: grant.role, scopeType: grant.scopeType, unit, libraries, municipalityCount };
	});
	return {
		cards,
		unsentMail: canAnywhere(actor, 'mail.view') ? await countUnsentMail(deps.db) : null
	};
}
