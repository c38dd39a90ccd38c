import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { deleteResponse as deleteResponseRow } from '#lib/server/db/responses.ts';
import type { Deps } from '../deps.ts';
import { loadResponseFor } from './response-access.ts';
import { inTransaction } from './transaction.ts';

/**
 * Deletes one response with its answers (e.g. a test answer or a flagged burst). Coordinators and
 * admins only, never in a confidential study; the audit event keeps the response id and nothing of
 * its content.
 */
export async function deleteResponse(deps: Deps, actor: Actor, responseId: number): Promise<void> {
	const now = deps.now();
	await inTransaction(deps.db, async (trx) => {
		const { response } = await loadResponseFor(trx, actor, 'response.delete', responseId, now);
		await deleteResponseRow(trx, response.id);
		await insertAuditEvent(trx, { actorUserId: actor.id, action: 'response.delete', targetType: 'response', targetId: response.id });
	});
}
