import type { Db } from './client.ts';
import type { NetworkKind } from '#lib/core/org-types.ts';
import type { Network, NewNetwork, NetworkUpdate } from './schema.ts';
import { textMatches } from './org-search.ts';

/**
 * Networks: regional development areas, consortia and projects. A network groups libraries
 * through `network_library` (see memberships.ts); it has no municipality of its own.
 */

export async function findNetwork(db: Db, id: number): Promise<Network | undefined> {
	return db.selectFrom('network').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNetworkByKey(db: Db, key: string): Promise<Network | undefined> {
	return db.selectFrom('network').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findNetworkByKirkantaId(db: Db, kirkantaId: number): Promise<Network | undefined> {
	return db.selectFrom('network').selectAll().where('kirkantaId', '=', kirkantaId).executeTakeFirst();
}

/**
 * A network by its key or, failing that, its Kirkanta (directory) id: `piki`, `2133`.
 * Keys win over ids, so a key made of digits still finds its own network.
 */
export async function resolveNetwork(db: Db, ref: string): Promise<Network | undefined> {
	const text = ref.trim();
	const byKey = await db.selectFrom('network').selectAll().where('key', '=', text.toLowerCase()).executeTakeFirst();
	if (byKey || !/^\d{1,10}$/.test(text)) return byKey;
	return findNetworkByKirkantaId(db, Number(text));
}

export interface NetworkFilter {
	kind?: NetworkKind;
	q?: string;
	includeArchived?: boolean;
}

export async function listNetworks(db: Db, filter: NetworkFilter = {}): Promise<Network[]> {
	let query = db.selectFrom('network').selectAll().orderBy('nameFi').orderBy('id');
	if (filter.kind) query = query.where('kind', '=', filter.kind);
	if (!filter.includeArchived) query = query.where('archivedAt', 'is', null);
	if (filter.q?.trim()) query = query.where(textMatches(filter.q, ['key', 'name_fi', 'name_sv']));
	return query.execute();
}

export async function insertNetwork(db: Db, network: NewNetwork): Promise<Network> {
	return db.insertInto('network').values(network).returningAll().executeTakeFirstOrThrow();
}

export async function updateNetwork(db: Db, id: number, changes: NetworkUpdate): Promise<Network> {
	return db.updateTable('network').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listNetworkKeys(db: Db): Promise<Set<string>> {
	const rows = await db.selectFrom('network').select('key').execute();
	return new Set(rows.map((row) => row.key));
}
