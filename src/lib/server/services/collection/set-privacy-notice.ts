import { privacyNoticeInputSchema, type PrivacyNoticeTexts } from '#lib/core/collection/privacy-notice.ts';
import { localDate } from '#lib/core/local-date.ts';
import type { ScopeType } from '#lib/core/org-types.ts';
import { GLOBAL, type Actor, type Resource } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { upsertPrivacyNotice, type PrivacyNoticeRow } from '#lib/server/db/privacy-notices.ts';
import { unitExists } from '#lib/server/db/studies.ts';
import type { Db } from '#lib/server/db/client.ts';
import type { Deps } from '../deps.ts';
import { requireCan } from '../org-access.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { unitResources } from './study-access.ts';
import { forgetCachedPrivacyNotices } from './resolve-privacy-notice.ts';
import { inTransaction } from './transaction.ts';

export type NoticeScopeInput = { type: 'global'; id?: null } | { type: Exclude<ScopeType, 'global'>; id: number };

/**
 * Writes an organisation's privacy notice (controller, purpose, retention, contact; Finnish
 * required, Swedish and English recommended). Needs `study.manage` on the unit; the global notice
 * of the installation is for admins.
 */
export async function setPrivacyNotice(deps: Deps, actor: Actor, scope: NoticeScopeInput, texts: PrivacyNoticeTexts): Promise<PrivacyNoticeRow> {
	const value = parseOrThrow(privacyNoticeInputSchema, texts, 'privacy notice');
	const now = deps.now();
	const saved = await inTransaction(deps.db, async (trx) => {
		requireCan(actor, 'study.manage', await noticeResource(trx, scope, localDate(now)), 'privacy notice');
		const notice = await upsertPrivacyNotice(trx, { type: scope.type, id: scope.type === 'global' ? null : scope.id }, value, now);
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'privacy_notice.set',
			targetType: 'privacy_notice',
			targetId: notice.id,
			details: { scopeType: notice.scopeType, scopeId: notice.scopeId }
		});
		return notice;
	});
	forgetCachedPrivacyNotices();
	return saved;
}

/** The permission resource of a notice's unit; an unknown unit is a field error. */
export async function noticeResource(db: Db, scope: NoticeScopeInput, date: string): Promise<Resource> {
	if (scope.type === 'global') return GLOBAL;
	if (!(await unitExists(db, scope.type, scope.id))) throw fieldError('invalid', 'privacy notice', { scope: 'unknown_unit' });
	const [resource] = await unitResources(db, [{ type: scope.type, id: scope.id }], date);
	return resource!;
}
