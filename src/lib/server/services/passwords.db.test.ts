import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { lastMailTo, newAdminUser, newOrgTree, newUser, sessionAlive, TEST_PASSWORD, tokenFromMail } from '../../../test/account-builders.ts';
import { ClientFailureCounter } from '#lib/server/auth/login-throttle.ts';
import { createSession } from '#lib/server/auth/session.ts';
import { changePassword } from './change-password.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { inspectPasswordToken, setPasswordByToken } from './set-password-by-token.ts';
import { inviteUser } from './invite-user.ts';
import { signIn } from './sign-in.ts';

const NEW_PASSWORD = 'a brand new passphrase';

describeDb('passwords, resets and invitations', (env) => {
	const auditActions = async (userId: number) =>
		(await env().db.selectFrom('auditEvent').select('action').where('targetId', '=', String(userId)).orderBy('id').execute()).map((e) => e.action);

	it('changes the password, keeps the current session and ends the others', async () => {
		const user = await newUser(env().db);
		const here = await createSession(env().db, user.id, env().now());
		const elsewhere = await createSession(env().db, user.id, env().now());
		await changePassword(env(), user, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, sessionToken: here.token });
		expect(await sessionAlive(env().db, here.token)).toBe(true);
		expect(await sessionAlive(env().db, elsewhere.token)).toBe(false);
		expect(await signIn(env(), { email: user.email, password: NEW_PASSWORD, clientAddress: null }, new ClientFailureCounter())).toMatchObject({ ok: true });
		expect(await auditActions(user.id)).toEqual(['user.password_change']);
	});

	it('refuses a password change with a wrong current password or a short new one', async () => {
		const user = await newUser(env().db);
		await expect(changePassword(env(), user, { currentPassword: 'not it at all', newPassword: NEW_PASSWORD, sessionToken: null })).rejects.toMatchObject({
			code: 'current_password_wrong'
		});
		await expect(changePassword(env(), user, { currentPassword: TEST_PASSWORD, newPassword: 'short', sessionToken: null })).rejects.toMatchObject({
			code: 'password_too_short'
		});
		expect(await auditActions(user.id)).toEqual([]);
	});

	it('mails a reset link in the user’s language that works once and ends every session', async () => {
		const user = await newUser(env().db, [], { locale: 'sv' });
		const session = await createSession(env().db, user.id, env().now());
		await requestPasswordReset(env(), { email: ` ${user.email.toUpperCase()} ` });
		const mail = await lastMailTo(env().db, user.email);
		expect(mail).toMatchObject({ subject: 'Byte av lösenord i Aspa', status: 'outbox' });
		const token = tokenFromMail(mail!.bodyText);
		expect(mail!.bodyText).toContain(`http://aspa.test/reset-password/${token}`);
		expect(await inspectPasswordToken(env(), 'reset', token)).toEqual({ displayName: user.displayName, email: user.email });
		expect(await inspectPasswordToken(env(), 'invite', token)).toBeNull();

		await setPasswordByToken(env(), 'reset', token, NEW_PASSWORD);
		expect(await sessionAlive(env().db, session.token)).toBe(false);
		await expect(setPasswordByToken(env(), 'reset', token, 'yet another passphrase')).rejects.toMatchObject({ code: 'token_invalid' });
		expect(await signIn(env(), { email: user.email, password: NEW_PASSWORD, clientAddress: null }, new ClientFailureCounter())).toMatchObject({ ok: true });
		expect(await auditActions(user.id)).toEqual(['user.password_reset']);
	});

	it('lets a reset link expire after an hour', async () => {
		const user = await newUser(env().db);
		await requestPasswordReset(env(), { email: user.email });
		const token = tokenFromMail((await lastMailTo(env().db, user.email))!.bodyText);
		const issued = env().now();
		env().setNow(new Date(issued.getTime() + 61 * 60_000));
		try {
			expect(await inspectPasswordToken(env(), 'reset', token)).toBeNull();
			await expect(setPasswordByToken(env(), 'reset', token, NEW_PASSWORD)).rejects.toMatchObject({ code: 'token_invalid' });
		} finally {
			env().setNow(issued);
		}
	});

	it('answers a reset request for an unknown or deactivated address the same way, and mails nothing', async () => {
		const deactivated = await newUser(env().db, [], { status: 'deactivated' });
		const before = await env().db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		await expect(requestPasswordReset(env(), { email: 'nobody@aspa.test' })).resolves.toBeUndefined();
		await expect(requestPasswordReset(env(), { email: deactivated.email })).resolves.toBeUndefined();
		const after = await env().db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('sends at most three reset mails an hour to one account', async () => {
		const user = await newUser(env().db);
		for (let i = 0; i < 5; i++) await requestPasswordReset(env(), { email: user.email });
		const mails = await env().db.selectFrom('mailOutbox').select('id').where('toAddress', '=', user.email).execute();
		expect(mails).toHaveLength(3);
	});

	it('invites a user who sets a password with the link, becomes active and can sign in; the link works once', async () => {
		const admin = await newAdminUser(env().db);
		const tree = await newOrgTree(env().db);
		const email = `invitee-${Date.now()}@aspa.test`;
		const { userId } = await inviteUser(env(), admin, {
			email,
			displayName: 'Kutsuttu Henkilö',
			locale: 'en',
			role: 'staff',
			scopeType: 'library',
			scopeId: tree.libraryId
		});
		const invited = await env().db.selectFrom('appUser').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
		expect(invited).toMatchObject({ status: 'invited', passwordHash: null, locale: 'en' });
		expect(await signIn(env(), { email, password: NEW_PASSWORD, clientAddress: null }, new ClientFailureCounter())).toEqual({ ok: false, reason: 'invalid' });

		const mail = (await lastMailTo(env().db, email))!;
		expect(mail.subject).toBe('Your invitation to Aspa');
		expect(mail.bodyText).toContain('valid for 7 days');
		const token = tokenFromMail(mail.bodyText);
		expect(mail.bodyText).toContain(`http://aspa.test/invitation/${token}`);
		expect(await inspectPasswordToken(env(), 'invite', token)).toEqual({ displayName: 'Kutsuttu Henkilö', email });

		await setPasswordByToken(env(), 'invite', token, NEW_PASSWORD);
		expect(await signIn(env(), { email, password: NEW_PASSWORD, clientAddress: null }, new ClientFailureCounter())).toMatchObject({ ok: true, userId });
		await expect(setPasswordByToken(env(), 'invite', token, NEW_PASSWORD)).rejects.toMatchObject({ code: 'token_invalid' });
		const grants = await env().db.selectFrom('userGrant').select(['role', 'scopeType', 'scopeId', 'createdBy']).where('userId', '=', userId).execute();
		expect(grants).toEqual([{ role: 'staff', scopeType: 'library', scopeId: tree.libraryId, createdBy: admin.id }]);
		expect(await auditActions(userId)).toEqual(['user.invite', 'user.invite_accept']);
	});

	it('lets an invitation expire after 7 days', async () => {
		const admin = await newAdminUser(env().db);
		const email = `late-${Date.now()}@aspa.test`;
		await inviteUser(env(), admin, { email, displayName: 'Myöhäinen', locale: 'fi', role: 'admin', scopeType: 'global', scopeId: null });
		const token = tokenFromMail((await lastMailTo(env().db, email))!.bodyText);
		const issued = env().now();
		env().setNow(new Date(issued.getTime() + 7 * 24 * 60 * 60_000 + 1000));
		try {
			await expect(setPasswordByToken(env(), 'invite', token, NEW_PASSWORD)).rejects.toMatchObject({ code: 'token_invalid' });
		} finally {
			env().setNow(issued);
		}
	});

	it('refuses to invite an address that has an account already, whatever its case', async () => {
		const admin = await newAdminUser(env().db);
		const existing = await newUser(env().db);
		await expect(
			inviteUser(env(), admin, { email: existing.email.toUpperCase(), displayName: 'Kaksoiskappale', locale: 'fi', role: 'admin', scopeType: 'global', scopeId: null })
		).rejects.toMatchObject({ code: 'email_taken' });
	});
});
