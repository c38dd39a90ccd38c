import { AppError } from '#lib/core/errors.ts';
import type { Db } from '#lib/server/db/client.ts';
import {
	endMunicipalityMembership,
	endNetworkMembership,
	insertMunicipalityMembership,
	insertNetworkMembership,
	municipalityPeriodsFrom,
	networkPeriodsFrom
} from '#lib/server/db/memberships.ts';

/**
 * The validity-period mechanism shared by the admin pages and the Kirkanta import. History is
 * never rewritten: a change from a date ends the open period on that date (exclusive) and starts
 * a new one; anything else that would overlap is refused with `org_membership_overlap`.
 */

export type Placement = { change: 'unchanged' } | { change: 'started'; id: number } | { change: 'moved'; id: number; endedId: number };

/**
 * Puts a library in a municipality from `from` on. A library is in one municipality at a time:
 * the open period is ended on `from` and a new one starts. Refused when a period starts on or
 * after `from` (that would rewrite a recorded change), or when a closed period reaches past it.
 */
export async function placeInMunicipality(db: Db, libraryId: number, municipalityId: number, from: string): Promise<Placement> {
	const periods = await municipalityPeriodsFrom(db, libraryId, from);
	if (periods.length === 0) return { change: 'started', id: await insertMunicipalityMembership(db, { libraryId, municipalityId, validFrom: from }) };
	const [open] = periods;
	if (periods.length === 1 && open!.validTo === null) {
		if (open!.municipalityId === municipalityId) return { change: 'unchanged' };
		if (open!.validFrom < from) {
			await endMunicipalityMembership(db, open!.id, from);
			const id = await insertMunicipalityMembership(db, { libraryId, municipalityId, validFrom: from });
			return { change: 'moved', id, endedId: open!.id };
		}
	}
	const clash = periods.find((p) => p.validFrom >= from) ?? periods[0]!;
	throw new AppError(
		'conflict',
		'org_membership_overlap',
		`Library ${libraryId} has a municipality period from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''} that a change from ${from} would overlap; changes must start after the last recorded one.`,
		{ details: { validFrom: clash.validFrom, validTo: clash.validTo } }
	);
}

/** Starts a library's membership in a network from `from` on; refused when it would overlap one. */
export async function joinNetwork(db: Db, networkId: number, libraryId: number, from: string): Promise<number> {
	const periods = await networkPeriodsFrom(db, networkId, libraryId, from);
	if (periods.length) {
		const clash = periods[0]!;
		throw new AppError(
			'conflict',
			'org_membership_overlap',
			`Library ${libraryId} is in network ${networkId} from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ' on'}, which a membership from ${from} would overlap.`,
			{ details: { validFrom: clash.validFrom, validTo: clash.validTo } }
		);
	}
	return insertNetworkMembership(db, { networkId, libraryId, validFrom: from });
}

/** Ends a library's open membership in a network on `to` (exclusive: the last day is the day before). */
export async function leaveNetwork(db: Db, networkId: number, libraryId: number, to: string): Promise<number> {
	const open = (await networkPeriodsFrom(db, networkId, libraryId, '0001-01-01')).find((p) => p.validTo === null);
	if (!open) throw new AppError('conflict', 'org_membership_not_open', `Library ${libraryId} has no open membership in network ${networkId}.`);
	if (open.validFrom >= to) {
		throw new AppError(
			'invalid',
			'org_membership_end_before_start',
			`The membership of library ${libraryId} in network ${networkId} starts on ${open.validFrom}; it can end after that day only, not on ${to}.`
		);
	}
	await endNetworkMembership(db, open.id, to);
	return open.id;
}
