import type { Insertable, Updateable } from 'kysely';
import type { Db } from './client.ts';
import type { MobileStop, MobileStopTable } from './schema.ts';

/** Stops of a mobile library; keys are unique per library (`tampere-bus/hervanta`). */

export async function listMobileStops(db: Db, libraryId: number, options: { includeArchived?: boolean } = {}): Promise<MobileStop[]> {
	let query = db.selectFrom('mobileStop').selectAll().where('libraryId', '=', libraryId).orderBy('nameFi').orderBy('id');
	if (!options.includeArchived) query = query.where('archivedAt', 'is', null);
	return query.execute();
}

export async function findMobileStopByKey(db: Db, libraryId: number, key: string): Promise<MobileStop | undefined> {
	return db.selectFrom('mobileStop').selectAll().where('libraryId', '=', libraryId).where('key', '=', key).executeTakeFirst();
}

export async function findMobileStopByKirkantaId(db: Db, kirkantaId: number): Promise<MobileStop | undefined> {
	return db.selectFrom('mobileStop').selectAll().where('kirkantaId', '=', kirkantaId).executeTakeFirst();
}

export async function insertMobileStop(db: Db, stop: Insertable<MobileStopTable>): Promise<MobileStop> {
	return db.insertInto('mobileStop').values(stop).returningAll().executeTakeFirstOrThrow();
}

export async function updateMobileStop(db: Db, id: number, changes: Updateable<MobileStopTable>): Promise<MobileStop> {
	return db.updateTable('mobileStop').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
