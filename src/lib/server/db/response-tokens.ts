import { sql } from 'kysely';
import type { Db } from './client.ts';

/**
 * One-time tokens of a closed population. The primary key is the token's hash; the plaintext is
 * never stored. Nothing ties a token to a person, and no response points at its token (ADR 0012).
 */

export async function nextTokenBatch(db: Db, studyId: number): Promise<number> {
	const row = await db
		.selectFrom('responseToken')
		.select((eb) => eb.fn.coalesce(eb.fn.max('batch'), eb.lit(0)).as('last'))
		.where('studyId', '=', studyId)
		.executeTakeFirstOrThrow();
	return Number(row.last) + 1;
}

export async function insertTokens(
	db: Db,
	rows: readonly { hash: string; studyId: number; roundId: number; batch: number }[],
	issuedAt: Date
): Promise<void> {
	// Batches of 1000 keep each statement well under PostgreSQL's parameter limit.
	for (let start = 0; start < rows.length; start += 1000) {
		await db
			.insertInto('responseToken')
			.values(rows.slice(start, start + 1000).map((row) => ({ id: row.hash, studyId: row.studyId, roundId: row.roundId, batch: row.batch, issuedAt })))
			.execute();
	}
}

/** Which of these token hashes are stored already (the demo's known tokens are added once). */
export async function existingTokenHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
	if (hashes.length === 0) return new Set();
	const rows = await db.selectFrom('responseToken').select('id').where('id', 'in', hashes).execute();
	return new Set(rows.map((row) => row.id));
}

/** Whether the round has this token and it is used (to tell `token_used` from `token_invalid`). */
export async function tokenUsedInRound(db: Db, hash: string, roundId: number): Promise<boolean> {
	const row = await db
		.selectFrom('responseToken')
		.select('id')
		.where('id', '=', hash)
		.where('roundId', '=', roundId)
		.where('usedAt', 'is not', null)
		.executeTakeFirst();
	return row !== undefined;
}

export interface TokenCounts {
	roundId: number;
	batch: number;
	issued: number;
	used: number;
}

/** Issued and used tokens per round and batch of a study. */
export async function countTokens(db: Db, studyId: number): Promise<TokenCounts[]> {
	return db
		.selectFrom('responseToken')
		.select(['roundId', 'batch'])
		.select(sql<number>`count(*)::int`.as('issued'))
		.select(sql<number>`count(used_at)::int`.as('used'))
		.where('studyId', '=', studyId)
		.groupBy(['roundId', 'batch'])
		.orderBy('roundId')
		.orderBy('batch')
		.execute();
}
