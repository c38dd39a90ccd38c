import { sql } from 'kysely';
import type { Db } from './client.ts';
import type { ScopeDirectory } from '#lib/core/scope-directory.ts';

/**
 * A read-only view of networks, municipalities and libraries for accounts: the units grants point
 * at, with the memberships in force on `today` (ISO date). The organisation pages own these
 * tables; this module only reads them.
 */
export async function loadScopeDirectory(db: Db, today: string): Promise<ScopeDirectory> {
	const inForce = sql<boolean>`valid_from <= ${today}::date and (valid_to is null or valid_to > ${today}::date)`;
	const [networks, municipalities, libraries, libraryMunicipalities, networkLibraries] = await Promise.all([
		db.selectFrom('network').select(['id', 'key', 'nameFi', 'nameSv', 'archivedAt']).orderBy('nameFi').execute(),
		db.selectFrom('municipality').select(['id', 'key', 'nameFi', 'nameSv', 'archivedAt']).orderBy('nameFi').execute(),
		db.selectFrom('library').select(['id', 'key', 'nameFi', 'nameSv', 'archivedAt']).orderBy('nameFi').execute(),
		db.selectFrom('libraryMunicipality').select(['libraryId', 'municipalityId']).where(inForce).execute(),
		db.selectFrom('networkLibrary').select(['networkId', 'libraryId']).where(inForce).execute()
	]);
	const unit = (row: { id: number; key: string; nameFi: string; nameSv: string | null; archivedAt: Date | null }) => ({
		id: row.id,
		key: row.key,
		nameFi: row.nameFi,
		nameSv: row.nameSv,
		archived: row.archivedAt !== null
	});
	const librariesOf = new Map<number, number[]>();
	for (const lm of libraryMunicipalities) librariesOf.set(lm.municipalityId, [...(librariesOf.get(lm.municipalityId) ?? []), lm.libraryId]);
	const networksOf = new Map<number, number[]>();
	for (const nl of networkLibraries) networksOf.set(nl.libraryId, [...(networksOf.get(nl.libraryId) ?? []), nl.networkId]);
	return {
		networks: networks.map(unit),
		municipalities: municipalities.map((row) => ({
			...unit(row),
			networkIds: [...new Set((librariesOf.get(row.id) ?? []).flatMap((libraryId) => networksOf.get(libraryId) ?? []))]
		})),
		libraries: libraries.map((row) => ({
			...unit(row),
			municipalityIds: libraryMunicipalities.filter((lm) => lm.libraryId === row.id).map((lm) => lm.municipalityId),
			networkIds: networksOf.get(row.id) ?? []
		}))
	};
}

/** The id of a unit by its key, or undefined. */
export async function findScopeIdByKey(db: Db, scopeType: 'network' | 'municipality' | 'library', key: string): Promise<number | undefined> {
	const row = await db.selectFrom(scopeType).select('id').where('key', '=', key).executeTakeFirst();
	return row?.id;
}
