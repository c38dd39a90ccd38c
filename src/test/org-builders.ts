import type { Actor, Grant } from '#lib/core/permissions.ts';
import type { Db } from '#lib/server/db/client.ts';
import { createLibrary } from '#lib/server/services/create-library.ts';
import { createMunicipality } from '#lib/server/services/create-municipality.ts';
import { createNetwork } from '#lib/server/services/create-network.ts';
import type { Deps } from '#lib/server/services/deps.ts';

/**
 * Small builders for organisation tests. Each call makes units with fresh keys, so tests in one
 * file never trip over each other's data.
 */
let counter = 0;
export function uniqueSuffix(): string {
	counter += 1;
	return `${Date.now().toString(36)}-${counter}`;
}

/** A real user row (audit events point at users) acting with the given grants. */
export async function newActor(db: Db, grants: Grant[]): Promise<Actor> {
	const email = `actor-${uniqueSuffix()}@aspa.test`;
	const { id } = await db
		.insertInto('appUser')
		.values({ email, displayName: 'Test Actor', status: 'active' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, email, displayName: 'Test Actor', locale: 'fi', grants };
}

export function newAdmin(db: Db): Promise<Actor> {
	return newActor(db, [{ role: 'admin', scopeType: 'global', scopeId: null }]);
}

export async function newNetwork(deps: Deps, admin: Actor, overrides: Record<string, unknown> = {}) {
	return createNetwork(deps, admin, { key: `net-${uniqueSuffix()}`, kind: 'consortium', nameFi: 'Testikimppa', ...overrides });
}

export async function newMunicipality(deps: Deps, admin: Actor, overrides: Record<string, unknown> = {}) {
	return createMunicipality(deps, admin, { key: `mun-${uniqueSuffix()}`, nameFi: 'Testikunta', ...overrides });
}

export async function newLibrary(deps: Deps, admin: Actor, overrides: Record<string, unknown> = {}) {
	return createLibrary(deps, admin, { key: `lib-${uniqueSuffix()}`, kind: 'branch', nameFi: 'Testikirjasto', validFrom: '2020-01-01', ...overrides });
}
