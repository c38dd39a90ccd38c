import type { Db } from './client.ts';
import type { Actor, Grant } from '#lib/core/permissions.ts';

export async function insertSession(db: Db, session: { id: string; userId: number; expiresAt: Date }): Promise<void> {
	await db.insertInto('userSession').values(session).execute();
}

/** The session's user with grants, only while the user is active. */
export async function findSessionActor(db: Db, sessionId: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
	const row = await db
		.selectFrom('userSession as s')
		.innerJoin('appUser as u', 'u.id', 's.userId')
		.select(['s.expiresAt', 'u.id', 'u.email', 'u.displayName', 'u.locale'])
		.where('s.id', '=', sessionId)
		.where('u.status', '=', 'active')
		.executeTakeFirst();
	if (!row) return null;
	const grants: Grant[] = await db
		.selectFrom('userGrant')
		.select(['role', 'scopeType', 'scopeId'])
		.where('userId', '=', row.id)
		.orderBy('id')
		.execute();
	return {
		expiresAt: row.expiresAt,
		actor: { id: row.id, email: row.email, displayName: row.displayName, locale: row.locale, grants }
	};
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
	await db.updateTable('userSession').set({ lastSeenAt: now, expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('userSession').where('id', '=', sessionId).execute();
}

/** Ends every session of a user but `keepSessionId` (after a password change: the others end). */
export async function deleteOtherSessions(db: Db, userId: number, keepSessionId: string | null): Promise<void> {
	let query = db.deleteFrom('userSession').where('userId', '=', userId);
	if (keepSessionId) query = query.where('id', '!=', keepSessionId);
	await query.execute();
}
