/**
 * What went wrong, coarsely, so that a route can choose the HTTP status and a CLI its exit code
 * without knowing the use case.
 */
export type ErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'unavailable';

/**
 * An expected failure of a use case. `code` picks the localised message people see
 * (`error_<code>` in messages/); `message` is for logs and the CLI, in English, and names the thing
 * and its id.
 */
export class AppError extends Error {
	readonly kind: ErrorKind;
	readonly code: string;
	readonly details: Record<string, unknown>;

	constructor(
		kind: ErrorKind,
		code: string,
		message: string,
		options: { cause?: unknown; details?: Record<string, unknown> } = {}
	) {
		super(message, { cause: options.cause });
		this.name = 'AppError';
		this.kind = kind;
		this.code = code;
		this.details = options.details ?? {};
	}
}

export function isAppError(error: unknown): error is AppError {
	return error instanceof AppError;
}
