import type { Command } from '../command.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { loadDemo } from '#lib/server/services/load-demo.ts';
import { DEMO_PASSWORD } from '#lib/server/services/demo-password.ts';

export const demo: Command = {
	name: ['demo'],
	summary: 'Load the demo (networks, libraries, one account per role) into the configured database.',
	usage: 'demo',
	options: {},
	async run(_values, io) {
		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			await loadDemo(ctx);
			const users = await ctx.db.selectFrom('appUser').select('email').where('isDemo', '=', true).orderBy('id').execute();
			io.out('Demo loaded.');
			if (users.length) io.out(`Demo sign-ins (password ${DEMO_PASSWORD}): ${users.map((u) => u.email).join(', ')}`);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
