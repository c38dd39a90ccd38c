import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from './client.ts';

/**
 * Memberships of a library in a municipality (`library_municipality`) and in networks
 * (`network_library`). Each row is valid from `valid_from` (inclusive) to `valid_to` (exclusive;
 * null = still in force), so a report on an earlier round can ask how things stood then. Rows are
 * never rewritten: a move ends the open row and starts a new one (services/move-library.ts).
 */

/** `valid_from <= date < valid_to` on the membership table aliased `alias`. */
export function inForceOn(date: string, alias: string): Expression<SqlBool> {
	return sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date))`;
}

export interface MembershipPeriod {
	id: number;
	validFrom: string;
	validTo: string | null;
}

export interface MunicipalityMembership extends MembershipPeriod {
	libraryId: number;
	municipalityId: number;
	municipalityKey: string;
	municipalityNameFi: string;
	municipalityNameSv: string | null;
}

export interface NetworkMembership extends MembershipPeriod {
	libraryId: number;
	networkId: number;
	networkKey: string;
	networkKind: string;
	networkNameFi: string;
	networkNameSv: string | null;
	networkKirkantaId: number | null;
}

/** Every municipality period of a library, oldest first. */
export async function listMunicipalityHistory(db: Db, libraryId: number): Promise<MunicipalityMembership[]> {
	return db
		.selectFrom('libraryMunicipality as lm')
		.innerJoin('municipality as m', 'm.id', 'lm.municipalityId')
		.select(['lm.id', 'lm.libraryId', 'lm.municipalityId', 'lm.validFrom', 'lm.validTo'])
		.select(['m.key as municipalityKey', 'm.nameFi as municipalityNameFi', 'm.nameSv as municipalityNameSv'])
		.where('lm.libraryId', '=', libraryId)
		.orderBy('lm.validFrom')
		.orderBy('lm.id')
		.execute();
}

/** Every network period of a library, oldest first. */
export async function listNetworkHistory(db: Db, libraryId: number): Promise<NetworkMembership[]> {
	return db
		.selectFrom('networkLibrary as nl')
		.innerJoin('network as n', 'n.id', 'nl.networkId')
		.select(['nl.id', 'nl.libraryId', 'nl.networkId', 'nl.validFrom', 'nl.validTo'])
		.select(['n.key as networkKey', 'n.kind as networkKind', 'n.nameFi as networkNameFi', 'n.nameSv as networkNameSv', 'n.kirkantaId as networkKirkantaId'])
		.where('nl.libraryId', '=', libraryId)
		.orderBy('nl.validFrom')
		.orderBy('nl.id')
		.execute();
}

/** A library's municipality periods that are in force on `date` or start later. */
export async function municipalityPeriodsFrom(db: Db, libraryId: number, date: string): Promise<(MembershipPeriod & { municipalityId: number })[]> {
	return db
		.selectFrom('libraryMunicipality')
		.select(['id', 'municipalityId', 'validFrom', 'validTo'])
		.where('libraryId', '=', libraryId)
		.where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', date)]))
		.orderBy('validFrom')
		.execute();
}

/** The periods of one library in one network that are in force on `date` or start later. */
export async function networkPeriodsFrom(db: Db, networkId: number, libraryId: number, date: string): Promise<MembershipPeriod[]> {
	return db
		.selectFrom('networkLibrary')
		.select(['id', 'validFrom', 'validTo'])
		.where('networkId', '=', networkId)
		.where('libraryId', '=', libraryId)
		.where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', date)]))
		.orderBy('validFrom')
		.execute();
}

export async function insertMunicipalityMembership(db: Db, row: { libraryId: number; municipalityId: number; validFrom: string }): Promise<number> {
	const { id } = await db.insertInto('libraryMunicipality').values(row).returning('id').executeTakeFirstOrThrow();
	return id;
}

export async function insertNetworkMembership(db: Db, row: { networkId: number; libraryId: number; validFrom: string }): Promise<number> {
	const { id } = await db.insertInto('networkLibrary').values(row).returning('id').executeTakeFirstOrThrow();
	return id;
}

/** Closes an open period on `validTo` (exclusive); only open rows are ever closed. */
export async function endMunicipalityMembership(db: Db, id: number, validTo: string): Promise<void> {
	await db.updateTable('libraryMunicipality').set({ validTo }).where('id', '=', id).where('validTo', 'is', null).execute();
}

export async function endNetworkMembership(db: Db, id: number, validTo: string): Promise<void> {
	await db.updateTable('networkLibrary').set({ validTo }).where('id', '=', id).where('validTo', 'is', null).execute();
}

export interface MembershipsOn {
	/** Library id → the municipality it belongs to on the date. */
	municipalityOf: Map<number, number>;
	/** Library id → the networks it belongs to on the date. */
	networksOf: Map<number, number[]>;
}

/** Every membership in force on `date`: the structure as it stood then. */
export async function membershipsOn(db: Db, date: string): Promise<MembershipsOn> {
	const [municipal, networked] = await Promise.all([
		db.selectFrom('libraryMunicipality as lm').select(['lm.libraryId', 'lm.municipalityId']).where(inForceOn(date, 'lm')).execute(),
		db.selectFrom('networkLibrary as nl').select(['nl.libraryId', 'nl.networkId']).where(inForceOn(date, 'nl')).orderBy('nl.networkId').execute()
	]);
	const municipalityOf = new Map(municipal.map((row) => [row.libraryId, row.municipalityId]));
	const networksOf = new Map<number, number[]>();
	for (const row of networked) networksOf.set(row.libraryId, [...(networksOf.get(row.libraryId) ?? []), row.networkId]);
	return { municipalityOf, networksOf };
}

/** The networks of a library on a date, and its municipalities (one, or none when unplaced). */
export async function libraryMembershipsOn(db: Db, libraryId: number, date: string): Promise<{ municipalityIds: number[]; networkIds: number[] }> {
	const [municipal, networked] = await Promise.all([
		db.selectFrom('libraryMunicipality as lm').select('lm.municipalityId').where('lm.libraryId', '=', libraryId).where(inForceOn(date, 'lm')).execute(),
		db.selectFrom('networkLibrary as nl').select('nl.networkId').where('nl.libraryId', '=', libraryId).where(inForceOn(date, 'nl')).orderBy('nl.networkId').execute()
	]);
	return { municipalityIds: municipal.map((row) => row.municipalityId), networkIds: networked.map((row) => row.networkId) };
}

/** The networks that hold at least one of the municipality's libraries on a date. */
export async function networksOfMunicipalityOn(db: Db, municipalityId: number, date: string): Promise<number[]> {
	const rows = await db
		.selectFrom('networkLibrary as nl')
		.innerJoin('libraryMunicipality as lm', 'lm.libraryId', 'nl.libraryId')
		.select('nl.networkId')
		.distinct()
		.where('lm.municipalityId', '=', municipalityId)
		.where(inForceOn(date, 'lm'))
		.where(inForceOn(date, 'nl'))
		.orderBy('nl.networkId')
		.execute();
	return rows.map((row) => row.networkId);
}

/** Library ids in a network / municipality on a date. */
export async function libraryIdsInNetworkOn(db: Db, networkId: number, date: string): Promise<number[]> {
	const rows = await db.selectFrom('networkLibrary as nl').select('nl.libraryId').where('nl.networkId', '=', networkId).where(inForceOn(date, 'nl')).execute();
	return rows.map((row) => row.libraryId);
}
