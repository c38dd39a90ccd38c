import { AppError } from '#lib/core/errors.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { listOutbox } from '#lib/server/db/mail-outbox.ts';
import type { Deps } from './deps.ts';

export const OUTBOX_PAGE_SIZE = 25;

/**
 * The mail Aspa has written, newest first, whole (recipient, subject, text): without SMTP this is
 * how an admin gets an invitation link to the person it is for.
 */
export async function viewOutbox(deps: Deps, actor: Actor, options: { before?: number }) {
	if (!can(actor, 'mail.view')) throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not read the outbox.`);
	const rows = await listOutbox(deps.db, { limit: OUTBOX_PAGE_SIZE + 1, before: options.before });
	const mails = rows.slice(0, OUTBOX_PAGE_SIZE);
	return {
		mails,
		smtpConfigured: deps.mail.configured,
		nextBefore: rows.length > OUTBOX_PAGE_SIZE ? mails.at(-1)!.id : null
	};
}
