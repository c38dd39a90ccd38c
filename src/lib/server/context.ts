import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { openPglite, openPostgres, type DbHandle } from './db/client.ts';
import { currentMigration, migrateToLatest } from './db/migrate.ts';
import { latestMigration } from './db/migrations.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMailSender } from './mail/transport.ts';
import type { Deps } from './services/deps.ts';
import { loadDemo } from './services/load-demo.ts';
import { AppError } from '#lib/core/errors.ts';

export interface AppContext extends Deps {
	config: Config;
	dbHandle: DbHandle;
	/** True when this start created the embedded database and loaded the demo into it. */
	demoCreated: boolean;
	close(): Promise<void>;
}

export interface ContextOptions {
	/** Server start: migrate an embedded database and load the demo into a new one. */
	boot?: boolean;
	logger?: Logger;
}

/** Whether `dataDir` already holds an embedded database (opening one that does not creates it). */
export function embeddedDatabaseExists(dataDir: string): boolean {
	return existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}

/**
 * Wires configuration, database, logger, clock and mail for the server or the CLI.
 * On PostgreSQL the schema is changed only by `aspa migrate`; the server refuses to start on an
 * outdated schema rather than migrate a production database as a side effect of a restart.
 */
export async function createContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
	const log = options.logger ?? createLogger(config.logLevel);
	const embeddedIsNew = !config.databaseUrl && !embeddedDatabaseExists(config.dataDir);
	const dbHandle = config.databaseUrl ? openPostgres(config.databaseUrl, { onIdleError: (error) => log.warn({ err: error }, 'PostgreSQL connection lost') }) : await openPglite(config.dataDir);
	const mail = createMailSender(config.smtpUrl, config.mailFrom);
	const ctx: AppContext = {
		config,
		dbHandle,
		db: dbHandle.db,
		log,
		now: () => new Date(),
		mail,
		origin: config.origin ?? `http://localhost:${config.port}`,
		demoCreated: false,
		async close() {
			mail.close();
			await dbHandle.close();
		}
	};
	try {
		if (options.boot) await boot(ctx, embeddedIsNew);
	} catch (error) {
		await ctx.close();
		throw error;
	}
	return ctx;
}

async function boot(ctx: AppContext, embeddedIsNew: boolean): Promise<void> {
	if (ctx.dbHandle.kind === 'pglite') {
		const applied = await migrateToLatest(ctx.db);
		if (applied.length) ctx.log.info({ applied }, 'migrations applied');
		if (embeddedIsNew) {
			await loadDemo(ctx);
			ctx.demoCreated = true;
		}
		return;
	}
	const current = await currentMigration(ctx.db);
	if (current !== latestMigration) {
		throw new AppError(
			'unavailable',
			'schema_outdated',
			`The PostgreSQL schema is at ${current ?? 'nothing'}, this version needs ${latestMigration}. ` +
				'Run `npm run aspa -- migrate` first.'
		);
	}
}
