import type { Db } from '#lib/server/db/client.ts';
import type { Logger } from '#lib/server/logger.ts';
import type { MailSender } from '#lib/server/mail/transport.ts';

/**
 * What a use case needs from the outside world, handed in by the context (server or CLI) so that
 * services never read the environment or a global clock.
 */
export interface Deps {
	db: Db;
	log: Logger;
	now: () => Date;
	mail: MailSender;
	/** The public URL that links in e-mail are built from. */
	origin: string;
}
