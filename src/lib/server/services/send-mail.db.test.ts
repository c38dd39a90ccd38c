import { afterAll, beforeAll, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describeDb } from '../../../test/db.ts';
import { newAdminUser } from '../../../test/account-builders.ts';
import { createMailSender } from '#lib/server/mail/transport.ts';
import { deliverMail, queueMail, sendMail } from './send-mail.ts';
import { inviteUser } from './invite-user.ts';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/** A real SMTP server on a free local port, keeping what it receives; stopped after the suite. */
let smtp: SMTPServer;
let smtpUrl = '';
const received: Received[] = [];

beforeAll(async () => {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => (raw += chunk));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw
				});
				callback();
			});
		}
	});
	const port = await freePort();
	await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
	smtpUrl = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describeDb('mail delivery', (env) => {
	it('delivers a message over SMTP and marks it sent', async () => {
		const mail = createMailSender(smtpUrl, 'Aspa <aspa@aspa.test>');
		try {
			const id = await sendMail({ ...env(), mail }, { to: 'maija@kirjasto.test', subject: 'Testi', text: 'Hei Maija,\n\nlinkki tässä.' });
			const row = await env().db.selectFrom('mailOutbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
			expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
			expect(row.sentAt).not.toBeNull();
			const got = received.find((r) => r.to.includes('maija@kirjasto.test'))!;
			expect(got.from).toBe('aspa@aspa.test');
			expect(got.raw).toContain('Subject: Testi');
		} finally {
			mail.close();
		}
	});

	it('delivers an invitation in the invitee’s language to their address', async () => {
		const mail = createMailSender(smtpUrl, 'Aspa <aspa@aspa.test>');
		try {
			const admin = await newAdminUser(env().db);
			await inviteUser({ ...env(), mail }, admin, {
				email: 'sven@bibliotek.test',
				displayName: 'Sven',
				locale: 'sv',
				role: 'admin',
				scopeType: 'global',
				scopeId: null
			});
			const got = received.find((r) => r.to.includes('sven@bibliotek.test'))!;
			expect(got.raw).toMatch(/Subject: Inbjudan till Aspa/);
			expect(got.raw).toContain('http://aspa.test/invitation/');
		} finally {
			mail.close();
		}
	});

	it('keeps a message that could not be sent as failed, with the error, and sends it with the next message', async () => {
		const closed = createMailSender(`smtp://127.0.0.1:${await freePort()}`, 'Aspa <aspa@aspa.test>');
		const failedId = await sendMail({ ...env(), mail: closed }, { to: 'later@kirjasto.test', subject: 'Myöhemmin', text: 'Uusi yritys.' });
		closed.close();
		const failed = await env().db.selectFrom('mailOutbox').selectAll().where('id', '=', failedId).executeTakeFirstOrThrow();
		expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
		expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);

		const working = createMailSender(smtpUrl, 'Aspa <aspa@aspa.test>');
		try {
			await sendMail({ ...env(), mail: working }, { to: 'now@kirjasto.test', subject: 'Nyt', text: 'Tämä ensin.' });
			const retried = await env().db.selectFrom('mailOutbox').selectAll().where('id', '=', failedId).executeTakeFirstOrThrow();
			expect(retried).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
			expect(received.some((r) => r.to.includes('later@kirjasto.test'))).toBe(true);
		} finally {
			working.close();
		}
	});

	it('without SMTP keeps the message in the outbox and logs its text but not its recipient', async () => {
		const lines: string[] = [];
		const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
		const deps = { ...env(), log, mail: createMailSender(undefined, 'Aspa <aspa@aspa.test>') };
		const id = await queueMail(deps.db, deps, { to: 'secret.person@kirjasto.test', subject: 'Kutsu', text: 'Linkki: http://aspa.test/invitation/abc' });
		await deliverMail(deps, [id]);
		const row = await env().db.selectFrom('mailOutbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'outbox', attempts: 0, toAddress: 'secret.person@kirjasto.test' });
		const logged = lines.join('');
		expect(logged).toContain('http://aspa.test/invitation/abc');
		expect(logged).not.toContain('secret.person');
	});
});
