import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { fieldProblems, type FieldProblem } from '#lib/core/organisations.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { errorText } from '#lib/components/account/error-text.ts';
import { problemText } from '#lib/components/admin/labels.ts';
import { setArchived, type ArchivableUnit } from '#lib/server/services/archive-unit.ts';
import type { Deps } from '#lib/server/services/deps.ts';
import { requireActor, rethrowAsHttp } from '../account-guard.ts';

/**
 * Route glue for the organisation forms (Kit lives here, never in services): form data as plain
 * strings, and a refused change as `fail(400, { form, errors, values })`, where `errors` maps a
 * field to its localised sentence (`form` for an error of the whole form) and `values` gives the
 * user's input back. `form` names which of several forms on a page failed.
 */
export type FormValues = Record<string, string>;

export interface OrgFormFailure {
	form: string;
	errors: Record<string, string>;
	values: FormValues;
}

/** Text fields only (files are read apart); absent fields stay absent. */
export function formValues(data: FormData): FormValues {
	const values: FormValues = {};
	for (const [name, value] of data.entries()) if (typeof value === 'string') values[name] = value;
	return values;
}

/**
 * Turns an expected failure of a use case into a form failure; anything else (forbidden, a bug)
 * is rethrown for the error page.
 */
export function failForm(caught: unknown, form: string, values: FormValues): ActionFailure<OrgFormFailure> {
	if (!isAppError(caught) || caught.kind === 'forbidden' || caught.kind === 'unauthenticated' || caught.kind === 'unavailable') throw caught;
	const errors: Record<string, string> = {};
	const fields = caught.details.fields as Partial<Record<string, string>> | undefined;
	for (const [field, problem] of Object.entries(fields ?? {})) {
		if (problem && (fieldProblems as readonly string[]).includes(problem)) errors[field] = problemText(field, problem as FieldProblem);
	}
	if (!Object.keys(errors).length) errors.form = errorText(caught.code, caught.details);
	return fail(400, { form, errors, values });
}

type Params = Partial<Record<string, string>>;
type Found<P extends Params, U> = (deps: Deps, actor: Actor, params: P) => Promise<U>;

/** The signed-in actor, when they may manage organisations; otherwise the 403 page. */
export function requireManager(locals: App.Locals, url: URL): Actor {
	const actor = requireActor(locals, url);
	if (!can(actor, 'org.manage')) error(403, { message: m.admin_forbidden_manage() });
	return actor;
}

/**
 * The load of a unit's page: what `view` finds, with `done` (what the last action did). A page
 * reached by an alias (an ISIL or a Kirkanta id) is redirected to the address under its key.
 */
export async function loadUnitPage<V>(
	event: { locals: App.Locals; url: URL; params: { key: string } },
	section: string,
	view: (deps: Deps, actor: Actor) => Promise<V>,
	keyOf: (found: V) => string
): Promise<V & { done: string | null }> {
	const actor = requireActor(event.locals, event.url);
	try {
		const found = await view(event.locals.ctx, actor);
		if (keyOf(found) !== event.params.key) redirect(308, `/admin/${section}/${keyOf(found)}${event.url.search}`);
		return { ...found, done: event.url.searchParams.get('done') };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
}

/** The load of an edit page: what `view` finds, when the actor may manage it; otherwise the 403 page. */
export async function loadForManager<V extends { canManage: boolean }>(locals: App.Locals, url: URL, view: (deps: Deps, actor: Actor) => Promise<V>): Promise<V> {
	const actor = requireActor(locals, url);
	try {
		const found = await view(locals.ctx, actor);
		if (!found.canManage) error(403, { message: m.admin_forbidden_manage() });
		return found;
	} catch (caught) {
		rethrowAsHttp(caught);
	}
}

/**
 * A create or edit form: `save` makes the change and names the page to go to next (`?done=…`);
 * a refused change gives the input back with its errors.
 */
export function saveAction<P extends Params>(form: string, save: (deps: Deps, actor: Actor, values: FormValues, params: P) => Promise<string>) {
	return async (event: { locals: App.Locals; url: URL; request: Request; params: P }) => {
		const actor = requireActor(event.locals, event.url);
		const values = formValues(await event.request.formData());
		let next: string;
		try {
			next = await save(event.locals.ctx, actor, values, event.params);
		} catch (caught) {
			return failForm(caught, form, values);
		}
		redirect(303, next);
	};
}

/**
 * One named form of a unit's page: find the unit, run the change on it and say what was `done`,
 * or give the input back with its errors.
 */
export function unitAction<P extends Params, U>(find: Found<P, U>, form: string, done: string, change: (deps: Deps, actor: Actor, unit: U, values: FormValues) => Promise<unknown>) {
	return async (event: { locals: App.Locals; url: URL; request: Request; params: P }) => {
		const actor = requireActor(event.locals, event.url);
		const values = formValues(await event.request.formData());
		try {
			await change(event.locals.ctx, actor, await find(event.locals.ctx, actor, event.params), values);
		} catch (caught) {
			return failForm(caught, form, values);
		}
		return { form, done };
	};
}

/** The `archive` and `unarchive` actions of a unit's page (the ArchiveForm component posts them). */
export function archiveActions<P extends Params>(find: Found<P, ArchivableUnit>) {
	const archiving = (archived: boolean) => unitAction(find, 'archive', archived ? 'archived' : 'unarchived', (deps, actor, unit) => setArchived(deps, actor, unit, archived));
	return { archive: archiving(true), unarchive: archiving(false) };
}
