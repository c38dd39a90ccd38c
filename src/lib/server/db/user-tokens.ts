import type { Db } from './client.ts';

export type TokenPurpose = 'invite' | 'reset';

/** One-time tokens (invitations, password resets); `id` is the SHA-256 of the token in the link. */
export async function insertUserToken(
	db: Db,
	token: { id: string; userId: number; purpose: TokenPurpose; expiresAt: Date }
): Promise<void> {
	await db.insertInto('userToken').values(token).execute();
}

export async function findUserToken(db: Db, id: string) {
	return db.selectFrom('userToken').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Marks a token used if it still is unused and unexpired; false when another request got there
 * first, so a link works exactly once even when it is opened twice at the same moment.
 */
export async function claimUserToken(db: Db, id: string, now: Date): Promise<boolean> {
	const result = await db
		.updateTable('userToken')
		.set({ usedAt: now })
		.where('id', '=', id)
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', now)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Ends every unused token of a user for a purpose (a new password voids older reset links). */
export async function voidUserTokens(db: Db, userId: number, purposes: TokenPurpose[], now: Date): Promise<void> {
	await db
		.updateTable('userToken')
		.set({ usedAt: now })
		.where('userId', '=', userId)
		.where('purpose', 'in', purposes)
		.where('usedAt', 'is', null)
		.execute();
}

export async function countTokensSince(db: Db, userId: number, purpose: TokenPurpose, since: Date): Promise<number> {
	const row = await db
		.selectFrom('userToken')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('userId', '=', userId)
		.where('purpose', '=', purpose)
		.where('createdAt', '>=', since)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
