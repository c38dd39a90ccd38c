import { AppError } from '#lib/core/errors.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { listAuditActions, listAuditEvents } from '#lib/server/db/audit-events.ts';
import { listUserNames } from '#lib/server/db/users.ts';
import type { Deps } from './deps.ts';

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log, newest first, a page at a time (`before`: the id of the last event shown), with
 * an optional action filter. Targets that are accounts are named, so the page reads "who did what
 * to whom and when".
 */
export async function viewAuditLog(deps: Deps, actor: Actor, options: { before?: number; action?: string }) {
	if (!can(actor, 'audit.view')) throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not read the audit log.`);
	const actions = await listAuditActions(deps.db);
	const action = options.action && actions.includes(options.action) ? options.action : undefined;
	const rows = await listAuditEvents(deps.db, { limit: AUDIT_PAGE_SIZE + 1, before: options.before, action });
	const events = rows.slice(0, AUDIT_PAGE_SIZE);
	const userIds = events.filter((event) => event.targetType === 'user' && event.targetId).map((event) => Number(event.targetId));
	const names = await listUserNames(deps.db, [...new Set(userIds)].filter(Number.isInteger));
	return {
		events: events.map((event) => ({
			...event,
			targetName: event.targetType === 'user' ? (names.get(Number(event.targetId)) ?? null) : null
		})),
		actions,
		action: action ?? null,
		nextBefore: rows.length > AUDIT_PAGE_SIZE ? events.at(-1)!.id : null
	};
}
