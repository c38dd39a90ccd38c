import { fail } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { requireActor, rethrowAsHttp } from '../account-guard.ts';
import { viewStudy, type StudyDetail } from '#lib/server/services/collection/view-study.ts';
import { collectionErrors } from '#lib/components/builder/collection-errors.ts';

/** Route glue for the study pages: the study as the actor may see it, and refusals as form errors. */
export async function loadStudy(locals: App.Locals, url: URL, key: string): Promise<{ actor: Actor; detail: StudyDetail }> {
	const actor = requireActor(locals, url);
	const detail = await viewStudy(locals.ctx, actor, key).catch(rethrowAsHttp);
	return { actor, detail };
}

/**
 * An expected refusal (invalid input, a conflict) as `fail(400, { form, errors, values })`;
 * anything else goes to the error page.
 */
export function failWith(caught: unknown, form: string, values: Record<string, unknown>, rename: Record<string, string> = {}) {
	if (isAppError(caught) && (caught.kind === 'invalid' || caught.kind === 'conflict' || caught.kind === 'not_found'))
		return fail(400, { form, errors: collectionErrors(caught, rename), values });
	return rethrowAsHttp(caught);
}

/** Form text fields (checkbox groups become arrays). */
export function formValues(data: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const [name, value] of data.entries()) {
		if (typeof value !== 'string') continue;
		const existing = values[name];
		values[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return values;
}
