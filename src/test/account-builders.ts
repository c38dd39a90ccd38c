import type { Actor, Grant } from '#lib/core/permissions.ts';
import type { Role, ScopeType } from '#lib/core/org-types.ts';
import type { Db } from '#lib/server/db/client.ts';
import { hashPassword } from '#lib/server/auth/password.ts';
import { findSessionActor } from '#lib/server/db/sessions.ts';
import { hashToken } from '#lib/server/auth/session.ts';

/**
 * Builders for account tests: units written straight into the tables (the organisation services
 * are not what these tests are about) and users with a password and grants. Every call makes
 * fresh keys and addresses, so tests in one file never share data.
 */
let counter = 0;
function unique(): string {
	counter += 1;
	return `${Date.now().toString(36)}${counter}`;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A network with one municipality and one library in it, and a second library (in a municipality
 * of its own) outside it.
 */
export async function newOrgTree(db: Db) {
	const s = unique();
	const network = await db.insertInto('network').values({ key: `net-${s}`, kind: 'consortium', nameFi: `Verkosto ${s}` }).returning('id').executeTakeFirstOrThrow();
	const municipality = await db.insertInto('municipality').values({ key: `mun-${s}`, nameFi: `Kunta ${s}`, nameSv: `Kommun ${s}` }).returning('id').executeTakeFirstOrThrow();
	const otherMunicipality = await db.insertInto('municipality').values({ key: `mux-${s}`, nameFi: `Muu kunta ${s}` }).returning('id').executeTakeFirstOrThrow();
	const library = await db.insertInto('library').values({ key: `lib-${s}`, kind: 'main', nameFi: `Kirjasto ${s}` }).returning('id').executeTakeFirstOrThrow();
	const outside = await db.insertInto('library').values({ key: `lix-${s}`, kind: 'main', nameFi: `Ulkokirjasto ${s}` }).returning('id').executeTakeFirstOrThrow();
	await db.insertInto('libraryMunicipality').values({ libraryId: library.id, municipalityId: municipality.id, validFrom: '2020-01-01' }).execute();
	await db.insertInto('libraryMunicipality').values({ libraryId: outside.id, municipalityId: otherMunicipality.id, validFrom: '2020-01-01' }).execute();
	await db.insertInto('networkLibrary').values({ networkId: network.id, libraryId: library.id, validFrom: '2020-01-01' }).execute();
	return {
		networkId: network.id,
		networkKey: `net-${s}`,
		municipalityId: municipality.id,
		municipalityKey: `mun-${s}`,
		libraryId: library.id,
		libraryKey: `lib-${s}`,
		outsideLibraryId: outside.id,
		otherMunicipalityId: otherMunicipality.id
	};
}

export interface TestUser extends Actor {
	password: string;
}

/** An active user with TEST_PASSWORD and the given grants (stored, so services see them). */
export async function newUser(
	db: Db,
	grants: { role: Role; scopeType: ScopeType; scopeId: number | null }[] = [],
	overrides: { status?: 'invited' | 'active' | 'deactivated'; locale?: 'fi' | 'sv' | 'en'; password?: string | null } = {}
): Promise<TestUser> {
	const email = `user-${unique()}@aspa.test`;
	const password = overrides.password === undefined ? TEST_PASSWORD : overrides.password;
	const { id } = await db
		.insertInto('appUser')
		.values({
			email,
			displayName: `Testi Käyttäjä ${counter}`,
			status: overrides.status ?? 'active',
			locale: overrides.locale ?? 'fi',
			passwordHash: password === null ? null : await hashPassword(password)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const grant of grants) await db.insertInto('userGrant').values({ userId: id, ...grant }).execute();
	return { id, email, displayName: `Testi Käyttäjä ${counter}`, locale: overrides.locale ?? 'fi', grants: grants as Grant[], password: password ?? '' };
}

export function newAdminUser(db: Db): Promise<TestUser> {
	return newUser(db, [{ role: 'admin', scopeType: 'global', scopeId: null }]);
}

/** Whether a session token (as the cookie holds it) still opens a session. */
export async function sessionAlive(db: Db, token: string): Promise<boolean> {
	return (await findSessionActor(db, hashToken(token))) !== null;
}

/** The one-time token in the last link of a mail text. */
export function tokenFromMail(text: string): string {
	const match = [...text.matchAll(/\/(?:invitation|reset-password)\/([A-Za-z0-9_-]+)/g)].at(-1);
	if (!match) throw new Error(`No link in the mail:\n${text}`);
	return match[1]!;
}

export async function lastMailTo(db: Db, email: string) {
	return db.selectFrom('mailOutbox').selectAll().where('toAddress', '=', email).orderBy('id', 'desc').executeTakeFirst();
}
