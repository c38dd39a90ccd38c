import { sql } from 'kysely';
import type { Db } from './client.ts';
import type { AppUser, UserStatus } from './schema.ts';
import type { Locale, Role, ScopeType } from '#lib/core/org-types.ts';

/** Accounts. E-mail addresses compare case-insensitively, as the unique index on lower(email) does. */

export async function findUserByEmail(db: Db, email: string): Promise<AppUser | undefined> {
	return db
		.selectFrom('appUser')
		.selectAll()
		.where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
		.executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<AppUser | undefined> {
	return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUser {
	email: string;
	displayName: string;
	locale: Locale;
	status: UserStatus;
	passwordHash?: string | null;
	isDemo?: boolean;
}

export async function insertUser(db: Db, user: NewUser): Promise<number> {
	const row = await db
		.insertInto('appUser')
		.values({
			email: user.email.trim(),
			displayName: user.displayName,
			locale: user.locale,
			status: user.status,
			passwordHash: user.passwordHash ?? null,
			isDemo: user.isDemo ?? false
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface UserPatch {
	displayName?: string;
	locale?: Locale;
	status?: UserStatus;
	passwordHash?: string | null;
	lastLoginAt?: Date;
	isDemo?: boolean;
}

export async function updateUser(db: Db, id: number, patch: UserPatch, now: Date): Promise<void> {
	await db
		.updateTable('appUser')
		.set({ ...patch, updatedAt: now })
		.where('id', '=', id)
		.execute();
}

export interface UserListFilter {
	status?: UserStatus;
	role?: Role;
	/** Users holding a grant on exactly this scope. */
	scope?: { scopeType: ScopeType; scopeId: number | null };
	/** Part of the name or e-mail address, case-insensitive. */
	search?: string;
	/**
	 * Only users holding a grant on one of these scopes (`type:id`, as `scopeKeyOf` writes them);
	 * undefined lists everyone (admins).
	 */
	withinScopes?: string[];
	limit: number;
	offset: number;
}

export interface UserListRow {
	id: number;
	email: string;
	displayName: string;
	status: UserStatus;
	locale: Locale;
	lastLoginAt: Date | null;
}

/** One page of users by name, and how many match in all. */
export async function listUsers(db: Db, filter: UserListFilter): Promise<{ rows: UserListRow[]; total: number }> {
	let query = db.selectFrom('appUser as u');
	if (filter.status) query = query.where('u.status', '=', filter.status);
	if (filter.search?.trim()) {
		const pattern = `%${filter.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		query = query.where((eb) =>
			eb.or([eb(sql<string>`lower(u.display_name)`, 'like', pattern), eb(sql<string>`lower(u.email)`, 'like', pattern)])
		);
	}
	if (filter.role || filter.scope || filter.withinScopes) {
		const within = filter.withinScopes;
		if (within && within.length === 0) return { rows: [], total: 0 };
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('userGrant as g')
					.select('g.id')
					.whereRef('g.userId', '=', 'u.id')
					.$if(!!filter.role, (q) => q.where('g.role', '=', filter.role!))
					.$if(!!filter.scope, (q) =>
						q
							.where('g.scopeType', '=', filter.scope!.scopeType)
							.where(sql<number>`coalesce(g.scope_id, 0)`, '=', filter.scope!.scopeId ?? 0)
					)
					.$if(!!within, (q) => q.where(sql<string>`g.scope_type || ':' || coalesce(g.scope_id::text, '')`, 'in', within!))
			)
		);
	}
	const [rows, count] = await Promise.all([
		query
			.select(['u.id', 'u.email', 'u.displayName', 'u.status', 'u.locale', 'u.lastLoginAt'])
			.orderBy(sql`lower(u.display_name)`)
			.orderBy('u.id')
			.limit(filter.limit)
			.offset(filter.offset)
			.execute(),
		query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow()
	]);
	return { rows, total: count.total };
}

export async function listUserNames(db: Db, ids: number[]): Promise<Map<number, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', ids).execute();
	return new Map(rows.map((row) => [row.id, row.displayName]));
}
