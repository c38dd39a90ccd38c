import type { Command } from '../command.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';

export const migrate: Command = {
	name: ['migrate'],
	summary: 'Apply pending database migrations (PostgreSQL; the embedded database migrates itself on start).',
	usage: 'migrate',
	options: {},
	async run(_values, io) {
		const ctx = await io.context();
		try {
			const applied = await migrateToLatest(ctx.db);
			io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
