import { error, fail } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { BuilderResult } from '#lib/core/instrument/builder/builder-result.ts';
import { usedItemIds } from '#lib/core/instrument/builder/fresh-id.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { InstrumentIssue } from '#lib/core/instrument/instrument-issues.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import { canAnywhere, type Actor } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '../account-guard.ts';
import { saveInstrumentDraft } from '#lib/server/services/collection/save-instrument-draft.ts';
import { viewInstrument } from '#lib/server/services/collection/view-instrument.ts';
import { issueText } from '#lib/components/builder/issue-text.ts';

/**
 * Route glue shared by the builder pages: the instrument, its editable definition (the draft, or
 * the latest published version, which the first saved change turns into a new draft with the
 * same item ids) and saving a builder operation's result. Builder operations only ever hand back
 * definitions that pass `validateInstrument`, so a draft edited here is always valid.
 */
export type InstrumentView = Awaited<ReturnType<typeof viewInstrument>>;

export interface BuilderState {
	actor: Actor;
	view: InstrumentView;
	/** What the builder edits; null when the stored draft does not validate (see `draftIssues`). */
	editable: Instrument | null;
	draftIssues: InstrumentIssue[];
	/** Item and row ids of the published version and the draft: new items never reuse one. */
	reservedIds: Set<string>;
}

export async function loadBuilder(locals: App.Locals, url: URL, key: string): Promise<BuilderState> {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'study.manage')) error(403, { message: m.studies_forbidden_manage() });
	const view = await viewInstrument(locals.ctx, actor, key).catch(rethrowAsHttp);
	const published = view.published?.definition ?? null;
	let editable: Instrument | null = published;
	let draftIssues: InstrumentIssue[] = [];
	if (view.draft) {
		const checked = validateInstrument(view.draft.definition);
		editable = checked.ok ? checked.instrument : null;
		draftIssues = checked.ok ? [] : checked.issues;
	}
	const reservedIds = new Set([...(published ? usedItemIds(published) : []), ...(editable ? usedItemIds(editable) : [])]);
	return { actor, view, editable, draftIssues, reservedIds };
}

/** The editable definition, or a 409 page when a stored draft is broken (edit it as JSON instead). */
export function requireEditable(state: BuilderState): Instrument {
	if (!state.editable) error(409, { message: m.studies_builder_draft_broken() });
	return state.editable;
}

/** Issues as the page shows them: localised, with the item named; `field` when one is known. */
export function issueErrors(issues: readonly InstrumentIssue[], fieldOf: (issue: InstrumentIssue) => string | undefined = () => undefined): Record<string, string> {
	const errors: Record<string, string> = {};
	issues.forEach((issue, index) => {
		const field = fieldOf(issue) ?? `issue-${index}`;
		errors[field] = errors[field] ? `${errors[field]} ${issueText(issue)}` : issueText(issue);
	});
	return errors;
}

/**
 * Saves a builder result as the draft, or returns the failure the page shows (`form` names the
 * form that failed, so the page puts the summary beside it).
 */
export async function saveResult(locals: App.Locals, state: BuilderState, result: BuilderResult, form: string, values: Record<string, unknown> = {}) {
	if (!result.ok) return fail(400, { form, errors: issueErrors(result.issues), values });
	try {
		await saveInstrumentDraft(locals.ctx, state.actor, { instrumentId: state.view.instrument.id, definition: result.instrument });
	} catch (caught) {
		if (isAppError(caught) && caught.kind === 'invalid') return fail(400, { form, errors: { form: issueText({ code: 'invalid_shape', path: '', message: caught.message }) }, values });
		rethrowAsHttp(caught);
	}
	return null;
}
