import type { Db } from './client.ts';
import type { Role, ScopeType } from '#lib/core/org-types.ts';

export interface GrantRow {
	id: number;
	userId: number;
	role: Role;
	scopeType: ScopeType;
	scopeId: number | null;
}

export async function listGrantsOfUsers(db: Db, userIds: number[]): Promise<GrantRow[]> {
	if (userIds.length === 0) return [];
	return db
		.selectFrom('userGrant')
		.select(['id', 'userId', 'role', 'scopeType', 'scopeId'])
		.where('userId', 'in', userIds)
		.orderBy('id')
		.execute();
}

export async function findGrant(db: Db, id: number): Promise<GrantRow | undefined> {
	return db.selectFrom('userGrant').select(['id', 'userId', 'role', 'scopeType', 'scopeId']).where('id', '=', id).executeTakeFirst();
}

/**
 * Adds a grant; returns its id, or null when the user already holds exactly that grant (the
 * unique index on user, role and scope decides).
 */
export async function insertGrant(
	db: Db,
	grant: { userId: number; role: Role; scopeType: ScopeType; scopeId: number | null; createdBy: number | null }
): Promise<number | null> {
	const row = await db
		.insertInto('userGrant')
		.values(grant)
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function deleteGrant(db: Db, id: number): Promise<void> {
	await db.deleteFrom('userGrant').where('id', '=', id).execute();
}

/** Admin grants held by active users: the last one must never go. */
export async function countActiveAdminGrants(db: Db): Promise<number> {
	const row = await db
		.selectFrom('userGrant as g')
		.innerJoin('appUser as u', 'u.id', 'g.userId')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('g.role', '=', 'admin')
		.where('u.status', '=', 'active')
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
