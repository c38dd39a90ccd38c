import { fail } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { rethrowAsHttp } from '../../../account-guard.ts';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/** The sentence for a themes error code (`report_text_error_<code>`), else the generic one. */
export function themeErrorText(code: string, details: Record<string, unknown> = {}): string {
	const message = (m as unknown as Record<string, MessageFn | undefined>)[`report_text_error_${code}`];
	return message ? message(details) : m.report_text_error_generic();
}

/**
 * A refused change as `fail(400, { form, errors, values })`: the error under the field the service
 * named (else under `form`), the input kept. Anything but an expected refusal goes to the error page.
 */
export function failWith(caught: unknown, form: string, values: Record<string, unknown>) {
	if (isAppError(caught) && (caught.kind === 'invalid' || caught.kind === 'conflict' || caught.kind === 'not_found')) {
		const field = typeof caught.details.field === 'string' ? caught.details.field : 'form';
		return fail(400, { form, errors: { [field]: themeErrorText(caught.code, caught.details) }, values });
	}
	return rethrowAsHttp(caught);
}

/** Text fields of a form post; repeated names (checkboxes) become arrays. */
export function formValues(data: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const [name, value] of data.entries()) {
		if (typeof value !== 'string') continue;
		const existing = values[name];
		values[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return values;
}

export function one(values: Record<string, string | string[]>, name: string): string {
	const value = values[name];
	return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Positive integer ids of a repeated field (response ids); anything else is left out. */
export function ids(values: Record<string, string | string[]>, name: string): number[] {
	const value = values[name];
	const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return list.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
}
