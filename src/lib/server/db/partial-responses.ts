import type { Db } from './client.ts';
import type { Locale } from '#lib/core/org-types.ts';

/** Partly answered forms, saved under the hash of a resume code until they expire. */

export interface PartialRow {
	id: string;
	collectorId: number;
	roundId: number;
	language: Locale;
	formValues: Record<string, string | string[]>;
	expiresAt: Date;
}

export async function upsertPartial(db: Db, row: PartialRow & { now: Date }): Promise<void> {
	await db
		.insertInto('partialResponse')
		.values({
			id: row.id,
			collectorId: row.collectorId,
			roundId: row.roundId,
			language: row.language,
			formValues: JSON.stringify(row.formValues),
			createdAt: row.now,
			updatedAt: row.now,
			expiresAt: row.expiresAt
		})
		.onConflict((oc) =>
			oc.column('id').doUpdateSet((eb) => ({
				language: eb.ref('excluded.language'),
				formValues: eb.ref('excluded.formValues'),
				updatedAt: eb.ref('excluded.updatedAt'),
				expiresAt: eb.ref('excluded.expiresAt')
			}))
		)
		.execute();
}

/** The saved form, unless it expired by `now`. */
export async function findPartial(db: Db, id: string, now: Date): Promise<PartialRow | undefined> {
	return db
		.selectFrom('partialResponse')
		.select(['id', 'collectorId', 'roundId', 'language', 'formValues', 'expiresAt'])
		.where('id', '=', id)
		.where('expiresAt', '>', now)
		.executeTakeFirst();
}

export async function deletePartial(db: Db, id: string): Promise<void> {
	await db.deleteFrom('partialResponse').where('id', '=', id).execute();
}

/** Removes expired saves; returns how many. */
export async function deleteExpiredPartials(db: Db, now: Date): Promise<number> {
	const result = await db.deleteFrom('partialResponse').where('expiresAt', '<=', now).executeTakeFirst();
	return Number(result.numDeletedRows);
}
