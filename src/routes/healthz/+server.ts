import { json } from '@sveltejs/kit';
import { checkHealth } from '#lib/server/services/check-health.ts';
import type { RequestHandler } from './$types';

/** Liveness and readiness for monitors: the database answers and which migration it is at. */
export const GET: RequestHandler = async ({ locals }) => {
	const health = await checkHealth(locals.ctx, locals.ctx.dbHandle.kind);
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
