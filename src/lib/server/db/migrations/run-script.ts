import { sql, type Kysely } from 'kysely';

/**
 * Runs a migration script statement by statement. PGlite's `query` speaks the extended protocol,
 * which takes one statement at a time, so a script is split at semicolons that end a line.
 * Migration scripts therefore keep `;` inside a statement off line ends (no function bodies).
 */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
	const statements = script
		.split(/;[ \t]*(?:--[^\n]*)?\n/)
		.map((statement) => statement.replace(/^\s*--[^\n]*$/gm, '').trim())
		.filter((statement) => statement.length > 0);
	for (const statement of statements) {
		await sql.raw(statement.replace(/;\s*$/, '')).execute(db);
	}
}
