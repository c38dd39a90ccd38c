import { error, redirect } from '@sveltejs/kit';
import { isAppError, type ErrorKind } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { errorText } from '#lib/components/account/error-text.ts';

/**
 * Route glue for the account pages (Kit lives here, never in services): the signed-in actor or
 * a redirect to the sign-in page that comes back afterwards, and AppErrors as HTTP errors.
 */
export function requireActor(locals: App.Locals, url: URL): Actor {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.actor;
}

const statusOf: Record<ErrorKind, number> = {
	invalid: 400,
	not_found: 404,
	forbidden: 403,
	unauthenticated: 401,
	conflict: 409,
	unavailable: 503
};

/** Rethrows an AppError as Kit's HTTP error with its localised message; anything else as it is. */
export function rethrowAsHttp(caught: unknown): never {
	if (isAppError(caught)) error(statusOf[caught.kind], { message: errorText(caught.code, caught.details) });
	throw caught;
}
