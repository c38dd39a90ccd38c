import { expect, it } from 'vitest';
import { describeDb, type TestEnv } from '../../test/db.ts';
import { newOrgTree, tokenFromMail } from '../../test/account-builders.ts';
import { loadConfig } from '#lib/server/config.ts';
import type { AppContext } from '#lib/server/context.ts';
import { ClientFailureCounter } from '#lib/server/auth/login-throttle.ts';
import { signIn } from '#lib/server/services/sign-in.ts';
import { setPasswordByToken } from '#lib/server/services/set-password-by-token.ts';
import { runCli } from '../main.ts';
import type { CommandIo } from '../command.ts';

/** Runs the CLI against the test database, capturing what it prints. */
async function cli(env: TestEnv, argv: string[], stdin = '') {
	const out: string[] = [];
	const err: string[] = [];
	const ctx: AppContext = {
		...env,
		config: loadConfig({}),
		dbHandle: { ...env.handle, close: async () => {} },
		demoCreated: false,
		close: async () => {}
	};
	const io: CommandIo = { out: (t) => out.push(t), err: (t) => err.push(t), context: async () => ctx, readStdin: async () => stdin };
	const code = await runCli(argv, io);
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describeDb('aspa user add', (env) => {
	it('makes the first admin with a password from standard input, who can then sign in', async () => {
		const email = `first-admin-${Date.now()}@aspa.test`;
		const result = await cli(env(), ['user', 'add', '--email', email, '--name', 'Ensimmäinen Pääkäyttäjä', '--grant', 'admin:global', '--password-stdin'], 'a long admin passphrase\n');
		expect(result).toMatchObject({ code: 0, err: '' });
		expect(result.out).toMatch(/^Created user \d+ <.+>: active, 1 grant added\.$/);
		expect(await signIn(env(), { email, password: 'a long admin passphrase', clientAddress: null }, new ClientFailureCounter())).toMatchObject({ ok: true });
		const user = await env().db.selectFrom('appUser').select('id').where('email', '=', email).executeTakeFirstOrThrow();
		const events = await env().db.selectFrom('auditEvent').select(['action', 'actorUserId', 'details']).where('targetId', '=', String(user.id)).orderBy('id').execute();
		expect(events.map((e) => [e.action, e.actorUserId, e.details.via])).toEqual([
			['user.create', null, 'cli'],
			['grant.add', null, 'cli']
		]);
	});

	it('prints a one-time link without a password option, and the link activates the account', async () => {
		const tree = await newOrgTree(env().db);
		const email = `linked-${Date.now()}@aspa.test`;
		const result = await cli(env(), ['user', 'add', '--email', email, '--name', 'Linkki', '--grant', `coordinator:network:${tree.networkKey}`, '--grant', `staff:library:${tree.libraryKey}`]);
		expect(result.code).toBe(0);
		expect(result.out).toContain('invited, 2 grants added');
		const token = tokenFromMail(result.out);
		expect(result.out).toContain(`http://aspa.test/invitation/${token}`);
		await setPasswordByToken(env(), 'invite', token, 'the chosen passphrase');
		expect(await signIn(env(), { email, password: 'the chosen passphrase', clientAddress: null }, new ClientFailureCounter())).toMatchObject({ ok: true });
	});

	it('adds the missing grants to an existing address and nothing twice', async () => {
		const tree = await newOrgTree(env().db);
		const email = `again-${Date.now()}@aspa.test`;
		await cli(env(), ['user', 'add', '--email', email, '--name', 'Sama', '--grant', `director:municipality:${tree.municipalityKey}`], '');
		const second = await cli(env(), ['user', 'add', '--email', email.toUpperCase(), '--name', 'Sama', '--grant', `director:municipality:${tree.municipalityKey}`, '--grant', `observer:network:${tree.networkKey}`]);
		expect(second.code).toBe(0);
		expect(second.out).toContain('Updated user');
		expect(second.out).toContain('1 grant added');
		const users = await env().db.selectFrom('appUser').select('id').where('email', 'ilike', email).execute();
		expect(users).toHaveLength(1);
		const grants = await env().db.selectFrom('userGrant').select('role').where('userId', '=', users[0]!.id).orderBy('role').execute();
		expect(grants.map((g) => g.role)).toEqual(['director', 'observer']);
	});

	it('with --invite also queues the invitation mail in the user’s language', async () => {
		const email = `mailed-${Date.now()}@aspa.test`;
		const result = await cli(env(), ['user', 'add', '--email', email, '--name', 'Posti', '--locale', 'en', '--grant', 'admin:global', '--invite']);
		expect(result.code).toBe(0);
		expect(result.out).toContain('the invitation waits in the outbox');
		const mail = await env().db.selectFrom('mailOutbox').selectAll().where('toAddress', '=', email).executeTakeFirstOrThrow();
		expect(mail.subject).toBe('Your invitation to Aspa');
		expect(tokenFromMail(mail.bodyText)).toBe(tokenFromMail(result.out));
	});

	it.each([
		[['--email', 'x@aspa.test', '--name', 'X'], /At least one --grant/],
		[['--email', 'x@aspa.test', '--name', 'X', '--grant', 'admin:library:y'], /admin is always global/],
		[['--email', 'x@aspa.test', '--name', 'X', '--grant', 'boss:global'], /unknown role/],
		[['--name', 'X', '--grant', 'admin:global'], /--email is required/],
		[['--email', 'x@aspa.test', '--name', 'X', '--grant', 'admin:global', '--invite', '--password-stdin'], /not both/]
	])('refuses bad arguments with a usage error: %s', async (args, message) => {
		const result = await cli(env(), ['user', 'add', ...args]);
		expect(result.code).toBe(2);
		expect(result.err).toMatch(message);
	});

	it('names an unknown unit key and a too-short password', async () => {
		const unknown = await cli(env(), ['user', 'add', '--email', 'y@aspa.test', '--name', 'Y', '--grant', 'staff:library:no-such-library']);
		expect(unknown).toMatchObject({ code: 1 });
		expect(unknown.err).toContain('no-such-library');
		const short = await cli(env(), ['user', 'add', '--email', 'y@aspa.test', '--name', 'Y', '--grant', 'admin:global', '--password-stdin'], 'short\n');
		expect(short.code).toBe(1);
		expect(short.err).toContain('password_too_short');
		expect(await env().db.selectFrom('appUser').select('id').where('email', '=', 'y@aspa.test').execute()).toEqual([]);
	});
});
