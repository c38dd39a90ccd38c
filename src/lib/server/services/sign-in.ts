import type { Locale } from '#lib/core/org-types.ts';
import { findUserByEmail, updateUser } from '#lib/server/db/users.ts';
import { deleteLoginFailures, insertLoginFailure, listLoginFailuresSince } from '#lib/server/db/login-failures.ts';
import { verifyAgainstDummy, verifyPassword } from '#lib/server/auth/password.ts';
import { createSession } from '#lib/server/auth/session.ts';
import {
	ClientFailureCounter,
	clientFailures,
	emailThrottleKey,
	LOGIN_WINDOW_MS,
	MAX_FAILURES_PER_EMAIL,
	throttledUntil
} from '#lib/server/auth/login-throttle.ts';
import type { Deps } from './deps.ts';

export type SignInResult =
	| { ok: true; userId: number; locale: Locale; token: string; expiresAt: Date }
	/** Unknown address, wrong password, or an account that is not active: one answer for all. */
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMinutes: number };

export interface SignInInput {
	email: string;
	password: string;
	/** The client's address, for the in-memory limit only; never stored or logged. */
	clientAddress: string | null;
}

/**
 * Signs in with e-mail and password and opens a session. The answer never tells whether the
 * address has an account: an unknown address, a wrong password and a deactivated or invited
 * account all get `invalid`, after the same argon2 work (a dummy hash stands in for a missing
 * one), and all count towards the same throttle.
 */
export async function signIn(deps: Deps, input: SignInInput, clients: ClientFailureCounter = clientFailures): Promise<SignInResult> {
	const now = deps.now();
	const key = emailThrottleKey(input.email);
	const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
	const failures = await listLoginFailuresSince(deps.db, key, windowStart);
	const until = [throttledUntil(failures, MAX_FAILURES_PER_EMAIL), input.clientAddress ? clients.blockedUntil(input.clientAddress, now) : null]
		.filter((date): date is Date => date !== null)
		.sort((a, b) => b.getTime() - a.getTime())[0];
	if (until) {
		deps.log.info({ event: 'login_throttled' }, 'sign-in refused: too many failures');
		return { ok: false, reason: 'throttled', retryAfterMinutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) };
	}

	const user = await findUserByEmail(deps.db, input.email);
	const verified =
		user && user.status === 'active' && user.passwordHash
			? await verifyPassword(user.passwordHash, input.password)
			: await verifyAgainstDummy(input.password);
	if (!user || !verified) {
		await insertLoginFailure(deps.db, key, now, windowStart);
		if (input.clientAddress) clients.record(input.clientAddress, now);
		deps.log.info({ event: 'login_failed' }, 'sign-in failed');
		return { ok: false, reason: 'invalid' };
	}

	await deleteLoginFailures(deps.db, key);
	await updateUser(deps.db, user.id, { lastLoginAt: now }, now);
	const session = await createSession(deps.db, user.id, now);
	deps.log.info({ event: 'login', userId: user.id }, 'signed in');
	return { ok: true, userId: user.id, locale: user.locale, token: session.token, expiresAt: session.expiresAt };
}
