import type { Db } from '#lib/server/db/client.ts';

/**
 * Runs `work` in a transaction of its own, or inside the caller's when `db` is one already (the
 * demo loader runs every step in one transaction and calls the same use cases as the pages).
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}
