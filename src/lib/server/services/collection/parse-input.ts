import type { z } from 'zod';
import { AppError } from '#lib/core/errors.ts';
import { fieldProblems, type CollectionFieldErrors } from '#lib/core/collection/inputs.ts';

/** Parses input with a core schema, or throws `invalid_input` with `details.fields` (field → problem). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	throw fieldError('invalid', what, fieldProblems(result.error));
}

export function fieldError(kind: 'invalid' | 'conflict', what: string, fields: CollectionFieldErrors): AppError {
	const list = Object.entries(fields).map(([field, problem]) => `${field} (${problem})`).join(', ');
	return new AppError(kind, 'invalid_input', `Invalid ${what}: ${list}.`, { details: { fields } });
}

/** Whether an error is PostgreSQL's unique violation (23505), from `pg` or PGlite. */
export function isUniqueViolation(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
