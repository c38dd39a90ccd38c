import type { Db } from './client.ts';

/** Failed sign-ins by throttling key (a hash, never an address), newest first. */
export async function listLoginFailuresSince(db: Db, keyHash: string, since: Date): Promise<Date[]> {
	const rows = await db
		.selectFrom('loginFailure')
		.select('at')
		.where('keyHash', '=', keyHash)
		.where('at', '>', since)
		.orderBy('at', 'desc')
		.execute();
	return rows.map((row) => row.at);
}

/** Records a failure and drops every failure older than the window (of any key). */
export async function insertLoginFailure(db: Db, keyHash: string, at: Date, windowStart: Date): Promise<void> {
	await db.insertInto('loginFailure').values({ keyHash, at }).execute();
	await db.deleteFrom('loginFailure').where('at', '<=', windowStart).execute();
}

export async function deleteLoginFailures(db: Db, keyHash: string): Promise<void> {
	await db.deleteFrom('loginFailure').where('keyHash', '=', keyHash).execute();
}
