import type { Db } from './client.ts';
import type { LibraryKind } from '#lib/core/org-types.ts';
import { normaliseIsil } from '#lib/core/organisations.ts';
import type { Library, LibraryTable, NewLibrary } from './schema.ts';
import type { Updateable } from 'kysely';
import { textMatches } from './org-search.ts';
import { inForceOn } from './memberships.ts';

export async function findLibrary(db: Db, id: number): Promise<Library | undefined> {
	return db.selectFrom('library').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLibraryByKey(db: Db, key: string): Promise<Library | undefined> {
	return db.selectFrom('library').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findLibraryByKirkantaId(db: Db, kirkantaId: number): Promise<Library | undefined> {
	return db.selectFrom('library').selectAll().where('kirkantaId', '=', kirkantaId).executeTakeFirst();
}

export async function findLibraryByIsil(db: Db, isil: string): Promise<Library | undefined> {
	return db.selectFrom('library').selectAll().where('isil', '=', normaliseIsil(isil)).executeTakeFirst();
}

/**
 * A library by key, ISIL or Kirkanta id, in that order: `tampere-metso`, `FI-Tre`, `84924`.
 * URLs, the CLI (`--scope library:REF`) and the API all resolve through here.
 */
export async function resolveLibrary(db: Db, ref: string): Promise<Library | undefined> {
	const text = ref.trim();
	const byKey = await db.selectFrom('library').selectAll().where('key', '=', text.toLowerCase()).executeTakeFirst();
	if (byKey) return byKey;
	if (/^[a-z]{2}-/i.test(text)) return findLibraryByIsil(db, text);
	if (/^\d{1,10}$/.test(text)) return findLibraryByKirkantaId(db, Number(text));
	return undefined;
}

export interface LibraryFilter {
	kind?: LibraryKind;
	/** Only libraries in this network / municipality on `date`. */
	networkId?: number;
	municipalityId?: number;
	q?: string;
	includeArchived?: boolean;
}

/** A library with the municipality it belongs to on the listing's date (none when unplaced). */
export interface LibraryListRow extends Library {
	municipalityId: number | null;
	municipalityKey: string | null;
	municipalityNameFi: string | null;
	municipalityNameSv: string | null;
}

export async function listLibraries(db: Db, date: string, filter: LibraryFilter = {}): Promise<LibraryListRow[]> {
	let query = db
		.selectFrom('library as l')
		.leftJoin('libraryMunicipality as lm', (join) => join.onRef('lm.libraryId', '=', 'l.id').on(inForceOn(date, 'lm')))
		.leftJoin('municipality as m', 'm.id', 'lm.municipalityId')
		.selectAll('l')
		.select(['m.id as municipalityId', 'm.key as municipalityKey', 'm.nameFi as municipalityNameFi', 'm.nameSv as municipalityNameSv'])
		.orderBy('l.nameFi')
		.orderBy('l.id');
	if (filter.kind) query = query.where('l.kind', '=', filter.kind);
	if (!filter.includeArchived) query = query.where('l.archivedAt', 'is', null);
	if (filter.municipalityId) query = query.where('lm.municipalityId', '=', filter.municipalityId);
	if (filter.networkId) {
		const networkId = filter.networkId;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('networkLibrary as nl')
					.select('nl.id')
					.whereRef('nl.libraryId', '=', 'l.id')
					.where('nl.networkId', '=', networkId)
					.where(inForceOn(date, 'nl'))
			)
		);
	}
	if (filter.q?.trim()) query = query.where(textMatches(filter.q, ['l.key', 'l.name_fi', 'l.name_sv', 'l.isil']));
	return query.execute();
}

export async function insertLibrary(db: Db, library: NewLibrary): Promise<Library> {
	return db.insertInto('library').values(library).returningAll().executeTakeFirstOrThrow();
}

export async function updateLibrary(db: Db, id: number, changes: Updateable<LibraryTable>): Promise<Library> {
	return db.updateTable('library').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listLibraryKeys(db: Db): Promise<Set<string>> {
	const rows = await db.selectFrom('library').select('key').execute();
	return new Set(rows.map((row) => row.key));
}
