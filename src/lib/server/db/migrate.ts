import { Migrator } from 'kysely/migration';
import { AppError } from '#lib/core/errors.ts';
import type { Db } from './client.ts';
import { migrationProvider } from './migrations.ts';

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
		throw new AppError('unavailable', 'migration_failed', `Migration ${failed} failed.`, { cause: error });
	}
	return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** The name of the newest applied migration, or null on an empty database. */
export async function currentMigration(db: Db): Promise<string | null> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const applied = (await migrator.getMigrations()).filter((migration) => migration.executedAt);
	return applied.at(-1)?.name ?? null;
}

/** The names of the applied migrations, oldest first. */
export async function appliedMigrations(db: Db): Promise<string[]> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	return (await migrator.getMigrations()).filter((migration) => migration.executedAt).map((migration) => migration.name);
}

/** Applies pending migrations up to and including `name` (a database copy matches its source's). */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateTo(name);
	if (error) {
		const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
		throw new AppError('unavailable', 'migration_failed', `Migration ${failed} failed.`, { cause: error });
	}
	return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
