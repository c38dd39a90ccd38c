import { m } from '#lib/paraglide/messages.js';
import { errorText } from '#lib/components/account/error-text.ts';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/** A field problem of the collection services (`collectionProblems`) in the reader's language. */
export function problemText(problem: string): string {
	const message = (m as unknown as Record<string, MessageFn | undefined>)[`collection_problem_${problem}`];
	return message ? message() : m.error_generic();
}

/**
 * A refused collection use case as form errors: each field the service named (`details.fields`)
 * with its problem, else the error's own sentence under `form`. `rename` maps a service field to
 * the page's field (`name` → `name.fi`).
 */
export function collectionErrors(error: { code: string; details: Record<string, unknown> }, rename: Record<string, string> = {}): Record<string, string> {
	const fields = error.details.fields as Record<string, string | undefined> | undefined;
	const errors: Record<string, string> = {};
	for (const [field, problem] of Object.entries(fields ?? {})) if (problem) errors[rename[field] ?? field] = problemText(problem);
	if (Object.keys(errors).length === 0) errors.form = errorText(error.code, error.details);
	return errors;
}
