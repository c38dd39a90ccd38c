import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '#lib/server/db/client.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { deleteSession, findSessionActor, insertSession, touchSession } from '#lib/server/db/sessions.ts';

export const SESSION_COOKIE = 'aspa_session';
const SESSION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The cookie carries the token; the database keeps only its hash. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export async function createSession(db: Db, userId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
	await insertSession(db, { id: hashToken(token), userId, expiresAt });
	return { token, expiresAt };
}

/**
 * The actor behind a session cookie, or null when the session is unknown, expired or its user is
 * no longer active. Sessions slide: one used a day after its last extension lives another
 * SESSION_DAYS.
 */
export async function validateSession(
	db: Db,
	token: string,
	now: Date
): Promise<{ actor: Actor; expiresAt: Date } | null> {
	const id = hashToken(token);
	const found = await findSessionActor(db, id);
	if (!found) return null;
	if (found.expiresAt <= now) {
		await deleteSession(db, id);
		return null;
	}
	let expiresAt = found.expiresAt;
	if (expiresAt.getTime() - now.getTime() < (SESSION_DAYS - 1) * DAY_MS) {
		expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
		await touchSession(db, id, now, expiresAt);
	}
	return { actor: found.actor, expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
	await deleteSession(db, hashToken(token));
}
