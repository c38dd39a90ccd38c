import { describe, expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { newUser, sessionAlive, TEST_PASSWORD } from '../../../test/account-builders.ts';
import { ClientFailureCounter } from '#lib/server/auth/login-throttle.ts';
import { signIn } from './sign-in.ts';

const MINUTE = 60_000;

describeDb('sign-in', (env) => {
	const fresh = () => new ClientFailureCounter();

	it('opens a session with the right password and records the time of the sign-in', async () => {
		const user = await newUser(env().db);
		const result = await signIn(env(), { email: user.email.toUpperCase(), password: TEST_PASSWORD, clientAddress: '127.0.0.1' }, fresh());
		expect(result).toMatchObject({ ok: true, userId: user.id, locale: 'fi' });
		if (!result.ok) throw new Error('unreachable');
		expect(await sessionAlive(env().db, result.token)).toBe(true);
		const row = await env().db.selectFrom('appUser').select('lastLoginAt').where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(row.lastLoginAt?.toISOString()).toBe(env().now().toISOString());
	});

	it('gives the same answer for an unknown address, a wrong password, and inactive accounts', async () => {
		const active = await newUser(env().db);
		const deactivated = await newUser(env().db, [], { status: 'deactivated' });
		const invited = await newUser(env().db, [], { status: 'invited', password: null });
		const attempt = (email: string, password: string) => signIn(env(), { email, password, clientAddress: null }, fresh());
		const unknown = await attempt('nobody-here@aspa.test', TEST_PASSWORD);
		const wrong = await attempt(active.email, 'wrong password here');
		const inactive = await attempt(deactivated.email, TEST_PASSWORD);
		const notYet = await attempt(invited.email, TEST_PASSWORD);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		expect(wrong).toEqual(unknown);
		expect(inactive).toEqual(unknown);
		expect(notYet).toEqual(unknown);
	});

	it('refuses an address after 5 failures in 15 minutes, even with the right password, and lets it in when the window has passed', async () => {
		const user = await newUser(env().db);
		const start = new Date('2026-06-02T10:00:00Z');
		for (let i = 0; i < 5; i++) {
			env().setNow(new Date(start.getTime() + i * MINUTE));
			expect(await signIn(env(), { email: user.email, password: `wrong ${i}`, clientAddress: null }, fresh())).toEqual({ ok: false, reason: 'invalid' });
		}
		env().setNow(new Date(start.getTime() + 5 * MINUTE));
		// The first failure (10:00) leaves the window at 10:15: ten minutes from now.
		expect(await signIn(env(), { email: user.email, password: TEST_PASSWORD, clientAddress: null }, fresh())).toEqual({
			ok: false,
			reason: 'throttled',
			retryAfterMinutes: 10
		});
		env().setNow(new Date(start.getTime() + 15 * MINUTE + 1000));
		expect(await signIn(env(), { email: user.email, password: TEST_PASSWORD, clientAddress: null }, fresh())).toMatchObject({ ok: true });
		env().setNow(new Date('2026-06-01T09:00:00Z'));
	});

	it('throttles an unknown address exactly like a known one', async () => {
		const email = 'ghost@aspa.test';
		for (let i = 0; i < 5; i++) await signIn(env(), { email, password: 'guess', clientAddress: null }, fresh());
		expect(await signIn(env(), { email, password: 'guess', clientAddress: null }, fresh())).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('stores a hash of the address for throttling, never the address', async () => {
		const email = 'Hash-Me@Aspa.test';
		await signIn(env(), { email, password: 'nope', clientAddress: '10.1.2.3' }, fresh());
		const keys = await env().db.selectFrom('loginFailure').select('keyHash').execute();
		expect(keys.length).toBeGreaterThan(0);
		for (const { keyHash } of keys) {
			expect(keyHash).toMatch(/^[0-9a-f]{64}$/);
			expect(keyHash).not.toContain('hash-me');
			expect(keyHash).not.toContain('10.1.2.3');
		}
	});

	it('refuses a client address after its own limit of failures across many addresses, in memory only', async () => {
		const clients = new ClientFailureCounter({ max: 3 });
		for (let i = 0; i < 3; i++) await signIn(env(), { email: `spray-${i}@aspa.test`, password: 'x', clientAddress: '192.0.2.7' }, clients);
		expect(await signIn(env(), { email: 'spray-9@aspa.test', password: 'x', clientAddress: '192.0.2.7' }, clients)).toMatchObject({
			reason: 'throttled'
		});
		const user = await newUser(env().db);
		expect(await signIn(env(), { email: user.email, password: TEST_PASSWORD, clientAddress: '192.0.2.8' }, clients)).toMatchObject({ ok: true });
	});

	it('clears the failures of an address after a successful sign-in', async () => {
		const user = await newUser(env().db);
		for (let i = 0; i < 4; i++) await signIn(env(), { email: user.email, password: 'wrong', clientAddress: null }, fresh());
		expect(await signIn(env(), { email: user.email, password: TEST_PASSWORD, clientAddress: null }, fresh())).toMatchObject({ ok: true });
		for (let i = 0; i < 4; i++) await signIn(env(), { email: user.email, password: 'wrong', clientAddress: null }, fresh());
		expect(await signIn(env(), { email: user.email, password: TEST_PASSWORD, clientAddress: null }, fresh())).toMatchObject({ ok: true });
	});
});

describe('ClientFailureCounter', () => {
	it('forgets the address idle longest when it tracks too many', () => {
		const counter = new ClientFailureCounter({ max: 1, maxTracked: 2 });
		const now = new Date('2026-06-01T10:00:00Z');
		counter.record('a', now);
		counter.record('b', now);
		counter.record('c', now);
		expect(counter.blockedUntil('a', now)).toBeNull();
		expect(counter.blockedUntil('c', now)).not.toBeNull();
	});
});
