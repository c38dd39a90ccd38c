import type { Db } from './client.ts';
import type { Municipality, MunicipalityTable } from './schema.ts';
import type { Insertable, Updateable } from 'kysely';
import { textMatches } from './org-search.ts';

export async function findMunicipality(db: Db, id: number): Promise<Municipality | undefined> {
	return db.selectFrom('municipality').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMunicipalityByKey(db: Db, key: string): Promise<Municipality | undefined> {
	return db.selectFrom('municipality').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findMunicipalityByKirkantaId(db: Db, kirkantaId: number): Promise<Municipality | undefined> {
	return db.selectFrom('municipality').selectAll().where('kirkantaId', '=', kirkantaId).executeTakeFirst();
}

/** A municipality by key or Kirkanta id (`tampere`, `10`); keys win. */
export async function resolveMunicipality(db: Db, ref: string): Promise<Municipality | undefined> {
	const text = ref.trim();
	const byKey = await db.selectFrom('municipality').selectAll().where('key', '=', text.toLowerCase()).executeTakeFirst();
	if (byKey || !/^\d{1,10}$/.test(text)) return byKey;
	return findMunicipalityByKirkantaId(db, Number(text));
}

export interface MunicipalityFilter {
	q?: string;
	includeArchived?: boolean;
}

export async function listMunicipalities(db: Db, filter: MunicipalityFilter = {}): Promise<Municipality[]> {
	let query = db.selectFrom('municipality').selectAll().orderBy('nameFi').orderBy('id');
	if (!filter.includeArchived) query = query.where('archivedAt', 'is', null);
	if (filter.q?.trim()) query = query.where(textMatches(filter.q, ['key', 'name_fi', 'name_sv']));
	return query.execute();
}

export async function insertMunicipality(db: Db, municipality: Insertable<MunicipalityTable>): Promise<Municipality> {
	return db.insertInto('municipality').values(municipality).returningAll().executeTakeFirstOrThrow();
}

export async function updateMunicipality(db: Db, id: number, changes: Updateable<MunicipalityTable>): Promise<Municipality> {
	return db.updateTable('municipality').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listMunicipalityKeys(db: Db): Promise<Set<string>> {
	const rows = await db.selectFrom('municipality').select('key').execute();
	return new Set(rows.map((row) => row.key));
}
