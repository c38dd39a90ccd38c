import type { Selectable } from 'kysely';
import type { Db } from './client.ts';
import { inForceOn } from './memberships.ts';
import type { LocalizedJson, StudyTable } from './schema.ts';

/**
 * Studies and their scope (networks, municipalities, libraries). "The study's libraries" are the
 * libraries inside the scope on a date: named directly, or members of a scoped municipality or
 * network then; they fill `optionsFrom: 'libraries'` and decide who may see the study.
 */

export type StudyRow = Selectable<StudyTable>;
export type ScopeUnitType = 'network' | 'municipality' | 'library';

export interface StudyScopeUnit {
	type: ScopeUnitType;
	id: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
}

export interface StudyLibrary extends LibraryOption {
	municipalityIds: number[];
	networkIds: number[];
}

export interface NewStudyRow {
	key: string;
	name: LocalizedJson;
	instrumentId: number;
	confidential: boolean;
	usesTokens: boolean;
	onePerDevice: boolean;
	isDemo?: boolean;
	createdBy: number | null;
	now: Date;
}

export async function insertStudy(db: Db, row: NewStudyRow): Promise<StudyRow> {
	return db
		.insertInto('study')
		.values({
			key: row.key,
			name: JSON.stringify(row.name),
			instrumentId: row.instrumentId,
			confidential: row.confidential,
			usesTokens: row.usesTokens,
			onePerDevice: row.onePerDevice,
			isDemo: row.isDemo ?? false,
			createdBy: row.createdBy,
			createdAt: row.now,
			updatedAt: row.now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function findStudy(db: Db, id: number): Promise<StudyRow | undefined> {
	return db.selectFrom('study').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStudyByKey(db: Db, key: string): Promise<StudyRow | undefined> {
	return db.selectFrom('study').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function listStudies(db: Db, options: { includeArchived?: boolean } = {}): Promise<StudyRow[]> {
	let query = db.selectFrom('study').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc');
	if (!options.includeArchived) query = query.where('archivedAt', 'is', null);
	return query.execute();
}

export interface StudyChanges {
	name?: LocalizedJson;
	confidential?: boolean;
	usesTokens?: boolean;
	onePerDevice?: boolean;
	archivedAt?: Date | null;
}

export async function updateStudy(db: Db, id: number, changes: StudyChanges, now: Date): Promise<StudyRow> {
	const { name, ...rest } = changes;
	return db
		.updateTable('study')
		.set({ ...rest, ...(name === undefined ? {} : { name: JSON.stringify(name) }), updatedAt: now })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Sets the study's scope to exactly these units. */
export async function replaceStudyScope(db: Db, studyId: number, units: readonly { type: ScopeUnitType; id: number }[]): Promise<void> {
	await db.deleteFrom('studyScope').where('studyId', '=', studyId).execute();
	if (units.length === 0) return;
	await db
		.insertInto('studyScope')
		.values(units.map((unit) => ({ studyId, scopeType: unit.type, scopeId: unit.id })))
		.execute();
}

/** The scope units with keys and names, networks first, then municipalities, then libraries. */
export async function listStudyScope(db: Db, studyId: number): Promise<StudyScopeUnit[]> {
	const rows = await db
		.selectFrom('studyScope as s')
		.leftJoin('network as n', (join) => join.onRef('n.id', '=', 's.scopeId').on('s.scopeType', '=', 'network'))
		.leftJoin('municipality as m', (join) => join.onRef('m.id', '=', 's.scopeId').on('s.scopeType', '=', 'municipality'))
		.leftJoin('library as l', (join) => join.onRef('l.id', '=', 's.scopeId').on('s.scopeType', '=', 'library'))
		.select(['s.scopeType as type', 's.scopeId as id'])
		.select((eb) => [
			eb.fn.coalesce('n.key', 'm.key', 'l.key').as('key'),
			eb.fn.coalesce('n.nameFi', 'm.nameFi', 'l.nameFi').as('nameFi'),
			eb.fn.coalesce('n.nameSv', 'm.nameSv', 'l.nameSv').as('nameSv')
		])
		.where('s.studyId', '=', studyId)
		.execute();
	const order = { network: 0, municipality: 1, library: 2 };
	return rows
		.map((row) => ({ type: row.type, id: row.id, key: row.key ?? '', nameFi: row.nameFi ?? '', nameSv: row.nameSv }))
		.sort((a, b) => order[a.type] - order[b.type] || a.nameFi.localeCompare(b.nameFi, 'fi'));
}

export interface LibraryOption {
	id: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
}

/** The study's libraries on `date` (ISO), by Finnish name: the options of `optionsFrom: 'libraries'`. */
export async function listStudyLibraryOptions(db: Db, studyId: number, date: string): Promise<LibraryOption[]> {
	const inScope = db
		.selectFrom('studyScope as s')
		.select('s.scopeId as libraryId')
		.where('s.studyId', '=', studyId)
		.where('s.scopeType', '=', 'library')
		.union(
			db
				.selectFrom('studyScope as s')
				.innerJoin('libraryMunicipality as lm', 'lm.municipalityId', 's.scopeId')
				.select('lm.libraryId')
				.where('s.studyId', '=', studyId)
				.where('s.scopeType', '=', 'municipality')
				.where(inForceOn(date, 'lm'))
		)
		.union(
			db
				.selectFrom('studyScope as s')
				.innerJoin('networkLibrary as nl', 'nl.networkId', 's.scopeId')
				.select('nl.libraryId')
				.where('s.studyId', '=', studyId)
				.where('s.scopeType', '=', 'network')
				.where(inForceOn(date, 'nl'))
		);
	return db
		.selectFrom('library')
		.select(['id', 'key', 'nameFi', 'nameSv'])
		.where('id', 'in', inScope)
		.where('archivedAt', 'is', null)
		.orderBy('nameFi')
		.orderBy('id')
		.execute();
}

/** The study's libraries on `date` with their memberships then (for permission checks). */
export async function listStudyLibraries(db: Db, studyId: number, date: string): Promise<StudyLibrary[]> {
	const libraries = await listStudyLibraryOptions(db, studyId, date);
	if (libraries.length === 0) return [];
	const ids = libraries.map((library) => library.id);
	const [municipalities, networks] = await Promise.all([
		db.selectFrom('libraryMunicipality as lm').select(['lm.libraryId', 'lm.municipalityId']).where('lm.libraryId', 'in', ids).where(inForceOn(date, 'lm')).execute(),
		db.selectFrom('networkLibrary as nl').select(['nl.libraryId', 'nl.networkId']).where('nl.libraryId', 'in', ids).where(inForceOn(date, 'nl')).execute()
	]);
	return libraries.map((library) => ({
		...library,
		municipalityIds: municipalities.filter((row) => row.libraryId === library.id).map((row) => row.municipalityId),
		networkIds: networks.filter((row) => row.libraryId === library.id).map((row) => row.networkId)
	}));
}

/** Networks of the libraries in a municipality on `date` (for a municipality scope unit's permission resource). */
export async function networksOfMunicipalities(db: Db, municipalityIds: readonly number[], date: string): Promise<Map<number, number[]>> {
	const result = new Map<number, number[]>(municipalityIds.map((id) => [id, []]));
	if (municipalityIds.length === 0) return result;
	const rows = await db
		.selectFrom('libraryMunicipality as lm')
		.innerJoin('networkLibrary as nl', 'nl.libraryId', 'lm.libraryId')
		.select(['lm.municipalityId', 'nl.networkId'])
		.distinct()
		.where('lm.municipalityId', 'in', municipalityIds)
		.where(inForceOn(date, 'lm'))
		.where(inForceOn(date, 'nl'))
		.execute();
	for (const row of rows) result.get(row.municipalityId)?.push(row.networkId);
	return result;
}

/** Whether a unit exists and is not archived (a study's scope may name only live units). */
export async function unitExists(db: Db, type: ScopeUnitType, id: number): Promise<boolean> {
	const row = await db.selectFrom(type).select('id').where('id', '=', id).where('archivedAt', 'is', null).executeTakeFirst();
	return row !== undefined;
}
