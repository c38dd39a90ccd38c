import { countResponses } from '#lib/server/services/collection/count-responses.ts';
import { listResponses } from '#lib/server/services/collection/list-responses.ts';
import { canExportResponses } from '#lib/server/services/reports/export-responses.ts';
import { loadStudy } from '../../study-route.ts';
import type { PageServerLoad } from './$types';

/**
 * Counts per round, library and channel for everyone who may see the study; the list of single
 * responses only for those who may read them (never in a confidential study).
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await loadStudy(locals, url, params.key);
	const counts = await countResponses(locals.ctx, actor, detail.study.id);
	const flaggedOnly = url.searchParams.get('flagged') === '1';
	const before = Number(url.searchParams.get('before')) || undefined;
	const list = detail.permissions.viewResponses
		? await listResponses(locals.ctx, actor, { studyId: detail.study.id, flaggedOnly, limit: 50, ...(before ? { before } : {}) })
		: null;
	return {
		study: detail.study,
		permissions: detail.permissions,
		rounds: detail.rounds.map((round) => ({ id: round.id, name: round.name })),
		tokens: detail.tokens,
		counts,
		list,
		flaggedOnly,
		exportable: detail.permissions.viewResponses && (await canExportResponses(locals.ctx, actor, detail.study.key))
	};
};
