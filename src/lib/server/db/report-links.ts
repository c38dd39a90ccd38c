import type { Selectable } from 'kysely';
import type { Db } from './client.ts';
import type { ReportLinkTable } from './schema.ts';

/**
 * Public report links (migration 0005, ADR 0021). Rows are found by the hash of their token; the
 * token itself is never stored.
 */

export type ReportLinkRow = Selectable<ReportLinkTable>;

export interface NewReportLink {
	tokenHash: string;
	studyId: number;
	scopeType: ReportLinkRow['scopeType'];
	scopeId: number;
	filter: Record<string, string>;
	label: string;
	expiresAt: Date | null;
	createdBy: number;
	createdAt: Date;
}

export async function insertReportLink(db: Db, link: NewReportLink): Promise<ReportLinkRow> {
	return db
		.insertInto('reportLink')
		.values({ ...link, filter: JSON.stringify(link.filter) })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function findReportLink(db: Db, id: number): Promise<ReportLinkRow | undefined> {
	return db.selectFrom('reportLink').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The link with this token hash if it is live at `now`: not revoked, not expired. */
export async function findLiveReportLinkByHash(db: Db, tokenHash: string, now: Date): Promise<ReportLinkRow | undefined> {
	return db
		.selectFrom('reportLink')
		.selectAll()
		.where('tokenHash', '=', tokenHash)
		.where('revokedAt', 'is', null)
		.where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
		.executeTakeFirst();
}

export interface ReportLinkListRow extends ReportLinkRow {
	scopeKey: string | null;
	scopeNameFi: string | null;
	createdByName: string | null;
}

/** A study's links, newest first, with the names of their units and creators. */
export async function listReportLinks(db: Db, studyId: number): Promise<ReportLinkListRow[]> {
	return db
		.selectFrom('reportLink as l')
		.leftJoin('library as lib', (join) => join.onRef('lib.id', '=', 'l.scopeId').on('l.scopeType', '=', 'library'))
		.leftJoin('municipality as mun', (join) => join.onRef('mun.id', '=', 'l.scopeId').on('l.scopeType', '=', 'municipality'))
		.leftJoin('network as net', (join) => join.onRef('net.id', '=', 'l.scopeId').on('l.scopeType', '=', 'network'))
		.leftJoin('appUser as u', 'u.id', 'l.createdBy')
		.selectAll('l')
		.select((eb) => [
			eb.fn.coalesce('lib.key', 'mun.key', 'net.key').as('scopeKey'),
			eb.fn.coalesce('lib.nameFi', 'mun.nameFi', 'net.nameFi').as('scopeNameFi'),
			'u.displayName as createdByName'
		])
		.where('l.studyId', '=', studyId)
		.orderBy('l.createdAt', 'desc')
		.orderBy('l.id', 'desc')
		.execute();
}

/** Marks a live link revoked; false when it was revoked already (or does not exist). */
export async function revokeReportLink(db: Db, id: number, by: number, at: Date): Promise<boolean> {
	const result = await db.updateTable('reportLink').set({ revokedAt: at, revokedBy: by }).where('id', '=', id).where('revokedAt', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
