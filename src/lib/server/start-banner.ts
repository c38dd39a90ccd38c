import type { AppContext } from './context.ts';
import { DEMO_PASSWORD } from './services/demo-password.ts';

/**
 * What `npm start` prints once the database is ready: where Aspa answers and, in a demo, who can
 * sign in. Printed to stdout as plain text for the person at the terminal (the structured log
 * carries no addresses).
 */
export async function printStartBanner(ctx: AppContext): Promise<void> {
	const url = ctx.origin;
	const demoUsers = await ctx.db
		.selectFrom('appUser')
		.select(['email'])
		.where('isDemo', '=', true)
		.where('status', '=', 'active')
		.orderBy('id')
		.execute();
	const lines = [
		'',
		`Aspa is starting at ${url}`,
		`Database: ${ctx.dbHandle.kind === 'pglite' ? `embedded (PGlite) in ${ctx.config.dataDir}` : 'PostgreSQL'}`
	];
	if (demoUsers.length) {
		lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
		for (const user of demoUsers) lines.push(`  ${user.email}`);
	}
	lines.push('');
	process.stdout.write(lines.join('\n') + '\n');
}
