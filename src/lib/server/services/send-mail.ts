import type { Db } from '#lib/server/db/client.ts';
import { insertMail, listMailToRetry, listPendingMail, markMailFailed, markMailSent, type OutboxRow } from '#lib/server/db/mail-outbox.ts';
import type { Deps } from './deps.ts';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
}

/** A failed message is tried again on later sends, this many times in all. */
const MAX_ATTEMPTS = 5;
const RETRIES_PER_SEND = 5;

/**
 * Writes a message to the outbox, inside the caller's transaction: if the use case rolls back,
 * no mail is left behind. Deliver it with `deliverMail` after the commit (never inside the
 * transaction: on the embedded database a slow SMTP server would hold up every request).
 *
 * Without SMTP the message gets status `outbox` and stays there: an admin reads it on
 * /admin/outbox and passes the link on. Its text is logged for the operator, its recipient not.
 */
export async function queueMail(db: Db, deps: Pick<Deps, 'log' | 'mail' | 'now'>, mail: OutgoingMail): Promise<number> {
	const status = deps.mail.configured ? 'pending' : 'outbox';
	const id = await insertMail(db, { toAddress: mail.to, subject: mail.subject, bodyText: mail.text, status, createdAt: deps.now() });
	if (!deps.mail.configured) {
		deps.log.info({ mailId: id, subject: mail.subject, text: mail.text }, 'no SMTP configured: mail kept in the outbox');
	}
	return id;
}

/**
 * Sends queued messages, then retries a few that failed earlier. A failure is recorded on the
 * message (status `failed`, the error, one more attempt) and logged; it never fails the use case
 * that sent it, because the message is safe in the outbox.
 */
export async function deliverMail(deps: Deps, ids: number[]): Promise<void> {
	if (!deps.mail.configured) return;
	const fresh = await listPendingMail(deps.db, ids);
	const retries = (await listMailToRetry(deps.db, { maxAttempts: MAX_ATTEMPTS, limit: RETRIES_PER_SEND })).filter(
		(row) => !ids.includes(row.id)
	);
	for (const row of [...fresh, ...retries]) await attempt(deps, row);
}

/** Queue and deliver one message outside any transaction. */
export async function sendMail(deps: Deps, mail: OutgoingMail): Promise<number> {
	const id = await queueMail(deps.db, deps, mail);
	await deliverMail(deps, [id]);
	return id;
}

async function attempt(deps: Deps, row: OutboxRow): Promise<void> {
	try {
		await deps.mail.send({ to: row.toAddress, subject: row.subject, text: row.bodyText });
		await markMailSent(deps.db, row.id, deps.now());
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		await markMailFailed(deps.db, row.id, message);
		deps.log.warn({ mailId: row.id, attempt: row.attempts + 1, error: message }, 'mail delivery failed; kept for a retry');
	}
}
