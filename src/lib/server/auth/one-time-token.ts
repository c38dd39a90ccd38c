import { insertUserToken, type TokenPurpose } from '#lib/server/db/user-tokens.ts';
import type { Db } from '#lib/server/db/client.ts';
import { hashToken, newToken } from './session.ts';

export const INVITE_VALID_DAYS = 7;
export const RESET_VALID_MINUTES = 60;

/**
 * Creates a one-time token for a link in an e-mail and returns the raw token; the database keeps
 * only its hash, like sessions.
 */
export async function issueUserToken(db: Db, userId: number, purpose: TokenPurpose, now: Date): Promise<string> {
	const token = newToken();
	const lifetimeMs = purpose === 'invite' ? INVITE_VALID_DAYS * 24 * 60 * 60 * 1000 : RESET_VALID_MINUTES * 60 * 1000;
	await insertUserToken(db, { id: hashToken(token), userId, purpose, expiresAt: new Date(now.getTime() + lifetimeMs) });
	return token;
}

/** The path of the page that takes a token (the e-mail prefixes the origin). */
export function tokenPath(purpose: TokenPurpose, token: string): string {
	return purpose === 'invite' ? `/invitation/${token}` : `/reset-password/${token}`;
}
