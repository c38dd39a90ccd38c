import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout. Personal data stays out: log user ids, never e-mail addresses,
 * names, passwords, tokens or client addresses. `redact` is a safety net for fields that
 * slip in by mistake.
 */
export function createLogger(level: string): Logger {
	return pino({
		level,
		base: { app: 'aspa' },
		redact: {
			paths: ['email', 'password', 'token', 'ip', '*.email', '*.password', '*.token', '*.ip', 'to'],
			censor: '[redacted]'
		}
	});
}
