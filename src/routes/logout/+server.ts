import { redirect } from '@sveltejs/kit';
import { endSession, SESSION_COOKIE } from '#lib/server/auth/session.ts';
import type { RequestHandler } from './$types';

/** Sign-out is a POST (a link or a prefetch must never sign anyone out); GET answers 405. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.sessionToken) await endSession(locals.ctx.db, locals.sessionToken);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/');
};
