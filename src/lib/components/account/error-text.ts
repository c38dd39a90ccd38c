import { m } from '#lib/paraglide/messages.js';
import type { AppError } from '#lib/core/errors.ts';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/**
 * The localised sentence for an error code (`error_<code>` in the message files), or the generic
 * one for a code without a message of its own.
 */
export function errorText(code: string, inputs: Record<string, unknown> = {}): string {
	const message = (m as unknown as Record<string, MessageFn | undefined>)[`error_${code}`];
	return message ? message(inputs) : m.error_generic();
}

/**
 * An AppError as form errors: under the field it names (`details.field`), otherwise under
 * `fallbackField` (`form` for errors that belong to no single field).
 */
export function appErrorFields(error: AppError, fallbackField = 'form'): Record<string, string> {
	const field = typeof error.details.field === 'string' ? error.details.field : fallbackField;
	return { [field]: errorText(error.code, error.details) };
}
