import { defaultPrivacyNotice, type PrivacyNoticeTexts } from '#lib/core/collection/privacy-notice.ts';
import type { Db } from '#lib/server/db/client.ts';
import { libraryMembershipsOn } from '#lib/server/db/memberships.ts';
import { findNearestPrivacyNotice, type NoticeScope } from '#lib/server/db/privacy-notices.ts';
import { listStudyScope } from '#lib/server/db/studies.ts';

export interface ResolvedPrivacyNotice extends PrivacyNoticeTexts {
	/** Whose notice it is: an organisation unit, the installation (`global`) or the built-in default. */
	scope: NoticeScope | 'default';
}

/**
 * The privacy notice a respondent page links to: the nearest one of the collector's library, its
 * municipality, its networks (lowest id first) — or, for a collector without a library, the
 * study's own scope units — then the installation's global notice, and finally the built-in
 * default. Not a use case; pages get it through
 * `openCollectorForRespondent`, staff pages through `getPrivacyNotice`.
 */
export async function resolvePrivacyNotice(
	db: Db,
	where: { libraryId: number | null; studyId?: number; municipalityId?: number; networkId?: number },
	date: string
): Promise<ResolvedPrivacyNotice> {
	const candidates: NoticeScope[] = [];
	if (where.libraryId !== null) {
		const { municipalityIds, networkIds } = await libraryMembershipsOn(db, where.libraryId, date);
		candidates.push({ type: 'library', id: where.libraryId });
		candidates.push(...municipalityIds.map((id) => ({ type: 'municipality' as const, id })));
		candidates.push(...[...networkIds].sort((a, b) => a - b).map((id) => ({ type: 'network' as const, id })));
	}
	if (where.municipalityId !== undefined) candidates.push({ type: 'municipality', id: where.municipalityId });
	if (where.networkId !== undefined) candidates.push({ type: 'network', id: where.networkId });
	if (where.studyId !== undefined && where.libraryId === null) {
		const order = { library: 0, municipality: 1, network: 2 };
		const scope = (await listStudyScope(db, where.studyId)).sort((a, b) => order[a.type] - order[b.type] || a.id - b.id);
		candidates.push(...scope.map((unit) => ({ type: unit.type, id: unit.id })));
	}
	candidates.push({ type: 'global', id: null });
	const found = await findNearestPrivacyNotice(db, candidates);
	if (!found) return { scope: 'default', ...defaultPrivacyNotice };
	return {
		scope: { type: found.scopeType, id: found.scopeId },
		controller: found.controller,
		purpose: found.purpose,
		retention: found.retention,
		contact: found.contact
	};
}

/**
 * Respondent pages resolve the notice on every view; each process keeps the answer for a minute
 * per collector's library (or study) and day. `setPrivacyNotice` forgets them all, so an edit
 * shows at once in this process and within a minute in others.
 */
let noticeCache = new WeakMap<Db, Map<string, { notice: ResolvedPrivacyNotice; until: number }>>();
const noticeTtlMs = 60_000;

export async function cachedPrivacyNotice(db: Db, where: { libraryId: number | null; studyId: number }, date: string, now: Date): Promise<ResolvedPrivacyNotice> {
	const perDb = noticeCache.get(db) ?? new Map<string, { notice: ResolvedPrivacyNotice; until: number }>();
	const key = `${where.libraryId ?? `study-${where.studyId}`}:${date}`;
	const cached = perDb.get(key);
	if (cached && cached.until > now.getTime()) return cached.notice;
	const notice = await resolvePrivacyNotice(db, where, date);
	if (perDb.size > 1000) perDb.clear();
	perDb.set(key, { notice, until: now.getTime() + noticeTtlMs });
	noticeCache.set(db, perDb);
	return notice;
}

export function forgetCachedPrivacyNotices(): void {
	noticeCache = new WeakMap();
}
