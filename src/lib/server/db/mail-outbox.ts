import type { Db } from './client.ts';
import type { MailStatus } from './schema.ts';

export interface OutboxRow {
	id: number;
	createdAt: Date;
	toAddress: string;
	subject: string;
	bodyText: string;
	status: MailStatus;
	attempts: number;
	sentAt: Date | null;
	lastError: string | null;
}

export async function insertMail(
	db: Db,
	mail: { toAddress: string; subject: string; bodyText: string; status: MailStatus; createdAt: Date }
): Promise<number> {
	const row = await db.insertInto('mailOutbox').values(mail).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

export async function markMailSent(db: Db, id: number, now: Date): Promise<void> {
	await db
		.updateTable('mailOutbox')
		.set((eb) => ({ status: 'sent', sentAt: now, lastError: null, attempts: eb('attempts', '+', 1) }))
		.where('id', '=', id)
		.execute();
}

export async function markMailFailed(db: Db, id: number, error: string): Promise<void> {
	await db
		.updateTable('mailOutbox')
		.set((eb) => ({ status: 'failed', lastError: error.slice(0, 1000), attempts: eb('attempts', '+', 1) }))
		.where('id', '=', id)
		.execute();
}

/** Failed messages worth another try, oldest first. */
export async function listMailToRetry(db: Db, options: { maxAttempts: number; limit: number }): Promise<OutboxRow[]> {
	return db
		.selectFrom('mailOutbox')
		.selectAll()
		.where('status', '=', 'failed')
		.where('attempts', '<', options.maxAttempts)
		.orderBy('id')
		.limit(options.limit)
		.execute();
}

/** Newest first, a page at a time (`before`: the id of the last row of the previous page). */
export async function listOutbox(db: Db, options: { limit: number; before?: number }): Promise<OutboxRow[]> {
	let query = db.selectFrom('mailOutbox').selectAll().orderBy('id', 'desc').limit(options.limit);
	if (options.before) query = query.where('id', '<', options.before);
	return query.execute();
}

/** The given messages that still wait for their first delivery. */
export async function listPendingMail(db: Db, ids: number[]): Promise<OutboxRow[]> {
	if (ids.length === 0) return [];
	return db.selectFrom('mailOutbox').selectAll().where('id', 'in', ids).where('status', '=', 'pending').orderBy('id').execute();
}

export async function countUnsentMail(db: Db): Promise<number> {
	const row = await db
		.selectFrom('mailOutbox')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('status', '!=', 'sent')
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
