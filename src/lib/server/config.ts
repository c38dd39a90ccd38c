import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads the environment. Everything else receives a `Config`.
 */
const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	ORIGIN: z.url().optional(),
	DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
	ASPA_DATA_DIR: z.string().min(1).default('./data'),
	SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
	MAIL_FROM: z.string().min(3).default('Aspa <aspa@localhost>'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	NODE_ENV: z.string().default('production'),
	ASPA_CHROMIUM: z.string().min(1).default('/usr/bin/chromium')
});

export interface Config {
	port: number;
	/** The public URL, e.g. https://aspa.example.fi; links in e-mail are built from it. */
	origin: string | undefined;
	databaseUrl: string | undefined;
	/** Where the embedded database lives when there is no DATABASE_URL (absolute). */
	dataDir: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	logLevel: string;
	/** Cookies get `Secure` when the public URL is https. */
	secureCookies: boolean;
	/** The Chromium that prints reports to PDF (ADR 0020); PDF is unavailable when it is missing. */
	chromiumPath: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const blankToUndefined = Object.fromEntries(
		Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value])
	);
	const parsed = schema.safeParse(blankToUndefined);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
	}
	const e = parsed.data;
	return {
		port: e.PORT,
		origin: e.ORIGIN?.replace(/\/$/, ''),
		databaseUrl: e.DATABASE_URL,
		dataDir: resolve(e.ASPA_DATA_DIR),
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		logLevel: e.LOG_LEVEL,
		secureCookies: e.ORIGIN?.startsWith('https://') ?? false,
		chromiumPath: e.ASPA_CHROMIUM
	};
}
