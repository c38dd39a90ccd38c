import { fail, type ActionFailure } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { fieldProblems, type FieldProblem } from '#lib/core/organisations.ts';
import { errorText } from '#lib/components/account/error-text.ts';
import { problemText } from '#lib/components/admin/labels.ts';

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
