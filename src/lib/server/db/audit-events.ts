import type { Db } from './client.ts';

export interface AuditEventInput {
	actorUserId: number | null;
	/** Verb on a noun, e.g. `library.create`, `grant.revoke`, `user.deactivate`. */
	action: string;
	targetType: string;
	targetId: string | number | null;
	/** What changed, without personal data beyond ids (no e-mail addresses, no passwords). */
	details?: Record<string, unknown>;
}

export async function insertAuditEvent(db: Db, event: AuditEventInput): Promise<void> {
	await db
		.insertInto('auditEvent')
		.values({
			actorUserId: event.actorUserId,
			action: event.action,
			targetType: event.targetType,
			targetId: event.targetId === null ? null : String(event.targetId),
			details: JSON.stringify(event.details ?? {})
		})
		.execute();
}

export interface AuditEventRow {
	id: number;
	at: Date;
	actorUserId: number | null;
	actorName: string | null;
	action: string;
	targetType: string;
	targetId: string | null;
	details: Record<string, unknown>;
}

/** Newest first, a page at a time (`before` is the id of the last row of the previous page). */
export async function listAuditEvents(db: Db, options: { limit: number; before?: number; action?: string }): Promise<AuditEventRow[]> {
	let query = db
		.selectFrom('auditEvent as e')
		.leftJoin('appUser as u', 'u.id', 'e.actorUserId')
		.select(['e.id', 'e.at', 'e.actorUserId', 'u.displayName as actorName', 'e.action', 'e.targetType', 'e.targetId', 'e.details'])
		.orderBy('e.id', 'desc')
		.limit(options.limit);
	if (options.before) query = query.where('e.id', '<', options.before);
	if (options.action) query = query.where('e.action', 'like', `${options.action}%`);
	return query.execute();
}

/** The actions that occur in the log, for the audit page's filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
	const rows = await db.selectFrom('auditEvent').select('action').distinct().orderBy('action').execute();
	return rows.map((row) => row.action);
}
