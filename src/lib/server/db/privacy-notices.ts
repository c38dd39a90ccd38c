import type { Selectable } from 'kysely';
import type { Db } from './client.ts';
import type { LocalizedJson, PrivacyNoticeTable } from './schema.ts';
import type { ScopeType } from '#lib/core/org-types.ts';

/** Privacy notices per organisation unit, and one global (scope_id null) for the installation. */

export type PrivacyNoticeRow = Selectable<PrivacyNoticeTable>;

export interface NoticeScope {
	type: ScopeType;
	id: number | null;
}

export async function findPrivacyNotice(db: Db, scope: NoticeScope): Promise<PrivacyNoticeRow | undefined> {
	let query = db.selectFrom('privacyNotice').selectAll().where('scopeType', '=', scope.type);
	query = scope.id === null ? query.where('scopeId', 'is', null) : query.where('scopeId', '=', scope.id);
	return query.executeTakeFirst();
}

/**
 * The first notice found along `candidates` (nearest first), with one query: the caller lists
 * library, municipality, networks and global in the order they should win.
 */
export async function findNearestPrivacyNotice(db: Db, candidates: readonly NoticeScope[]): Promise<PrivacyNoticeRow | undefined> {
	if (candidates.length === 0) return undefined;
	const rows = await db
		.selectFrom('privacyNotice')
		.selectAll()
		.where((eb) =>
			eb.or(
				candidates.map((scope) =>
					eb.and([eb('scopeType', '=', scope.type), scope.id === null ? eb('scopeId', 'is', null) : eb('scopeId', '=', scope.id)])
				)
			)
		)
		.execute();
	for (const scope of candidates) {
		const found = rows.find((row) => row.scopeType === scope.type && row.scopeId === scope.id);
		if (found) return found;
	}
	return undefined;
}

export async function upsertPrivacyNotice(
	db: Db,
	scope: NoticeScope,
	texts: { controller: LocalizedJson; purpose: LocalizedJson; retention: LocalizedJson; contact: LocalizedJson },
	now: Date
): Promise<PrivacyNoticeRow> {
	const values = {
		controller: JSON.stringify(texts.controller),
		purpose: JSON.stringify(texts.purpose),
		retention: JSON.stringify(texts.retention),
		contact: JSON.stringify(texts.contact),
		updatedAt: now
	};
	const existing = await findPrivacyNotice(db, scope);
	if (existing) {
		return db.updateTable('privacyNotice').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
	}
	return db
		.insertInto('privacyNotice')
		.values({ scopeType: scope.type, scopeId: scope.id, ...values, createdAt: now })
		.returningAll()
		.executeTakeFirstOrThrow();
}
