import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { m } from '#lib/paraglide/messages.js';
import { loadConfig } from '#lib/server/config.ts';
import { createContext, type AppContext } from '#lib/server/context.ts';
import { SESSION_COOKIE, validateSession } from '#lib/server/auth/session.ts';
import { compressHtml } from '#lib/server/http/compress-html.ts';
import { printStartBanner } from '#lib/server/start-banner.ts';
import { respondentPageCache } from './routes/(respond)/page-cache.ts';

let ctx: AppContext;

export const init: ServerInit = async () => {
	ctx = await createContext(loadConfig(), { boot: true });
	await printStartBanner(ctx);
	process.once('sveltekit:shutdown', () => void ctx.close());
};

/**
 * Paraglide reads the locale from the URL and headers only, but clones the request it is given,
 * body and all; it gets a body-less copy, and the request itself goes on untouched.
 */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(new Request(event.url, { headers: event.request.headers }), ({ locale }) =>
		resolve(event, { transformPageChunk: ({ html }) => (event.locals.htmlLang ? respondentHtml(html, event.locals.htmlLang) : html.replace('%lang%', locale)) })
	);

/**
 * Respondent pages (ADR 0013) speak the instrument's language, which may differ from the UI's, and
 * load no client, so Svelte's hydration markers (`<!--[-->`) are dead weight in their byte budget.
 */
function respondentHtml(html: string, lang: string): string {
	return html.replace('%lang%', lang).replace(/<!--[^>]*-->/g, '');
}

const context: Handle = ({ event, resolve }) => {
	event.locals.ctx = ctx;
	event.locals.actor = null;
	event.locals.sessionToken = null;
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const found = await validateSession(ctx.db, token, ctx.now());
		if (found) {
			event.locals.actor = found.actor;
			event.locals.sessionToken = token;
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * Headers every response carries. The CSP itself (nonce-based, no inline script) comes from
 * SvelteKit's `csp` option in vite.config.ts; frame-ancestors is added here because a few
 * respondent pages may be embedded by origins their collector allows.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const ancestors = event.locals.frameAncestors?.length ? event.locals.frameAncestors.join(' ') : "'none'";
	const csp = response.headers.get('content-security-policy');
	response.headers.set(
		'content-security-policy',
		csp ? `${csp}; frame-ancestors ${ancestors}` : `default-src 'self'; frame-ancestors ${ancestors}`
	);
	if (!event.locals.frameAncestors?.length) response.headers.set('x-frame-options', 'DENY');
	response.headers.set('x-content-type-options', 'nosniff');
	// A page may ask for a stricter policy (the public report links send no referrer at all).
	if (!response.headers.has('referrer-policy')) response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	response.headers.set('cross-origin-opener-policy', 'same-origin');
	if (ctx.config.secureCookies) {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

/** Rendered HTML leaves compressed (respondent pages' byte budget, ADR 0013); static files are precompressed. */
const compress: Handle = async ({ event, resolve }) => compressHtml(event.request, await resolve(event));

/**
 * Respondent pages may be answered from a rendered template (ADR 0022) before the UI language and
 * the session are read, which they do not use; headers and compression apply to them all the same.
 */
export const handle = sequence(context, compress, securityHeaders, respondentPageCache, i18n, session);

/**
 * Errors thrown by our code are logged with an id and shown to people only as a localised sentence
 * and that id, never a stack trace. Kit's own errors (404, 405) get a localised message too.
 */
export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'app') return;
	if (caught.kind === 'framework' || caught.kind === 'validation') {
		const { status } = caught.error;
		return { status, message: status === 404 ? m.error_not_found() : status === 403 ? m.error_forbidden() : m.error_generic() };
	}
	const errorId = randomUUID();
	ctx?.log.error({ err: caught.error, errorId, route: caught.event.route.id }, 'unhandled error');
	return { message: m.error_generic(), errorId };
};
