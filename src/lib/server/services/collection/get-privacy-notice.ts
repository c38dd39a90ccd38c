import type { PrivacyNoticeTexts } from '#lib/core/collection/privacy-notice.ts';
import { localDate } from '#lib/core/local-date.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { findPrivacyNotice } from '#lib/server/db/privacy-notices.ts';
import type { Deps } from '../deps.ts';
import { requireCan } from '../org-access.ts';
import { resolvePrivacyNotice, type ResolvedPrivacyNotice } from './resolve-privacy-notice.ts';
import { noticeResource, type NoticeScopeInput } from './set-privacy-notice.ts';

/**
 * An organisation's own privacy notice (null when it has none) and the one its respondents see
 * (its own, else the nearest above it, else the global one or the built-in default).
 */
export async function getPrivacyNotice(
	deps: Deps,
	actor: Actor,
	scope: NoticeScopeInput
): Promise<{ own: PrivacyNoticeTexts | null; effective: ResolvedPrivacyNotice; canEdit: boolean }> {
	const date = localDate(deps.now());
	const resource = await noticeResource(deps.db, scope, date);
	if (scope.type !== 'global') requireCan(actor, 'study.view', resource, 'privacy notice');
	const own = await findPrivacyNotice(deps.db, { type: scope.type, id: scope.type === 'global' ? null : scope.id });
	const effective = await resolvePrivacyNotice(
		deps.db,
		scope.type === 'library'
			? { libraryId: scope.id }
			: { libraryId: null, ...(scope.type === 'municipality' ? { municipalityId: scope.id } : {}), ...(scope.type === 'network' ? { networkId: scope.id } : {}) },
		date
	);
	return {
		own: own ? { controller: own.controller, purpose: own.purpose, retention: own.retention, contact: own.contact } : null,
		effective,
		canEdit: can(actor, 'study.manage', resource)
	};
}
