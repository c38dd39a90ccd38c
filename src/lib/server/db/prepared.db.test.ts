import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeDb } from '../../../test/db.ts';
import { preparedMark } from './prepared.ts';

describeDb('prepared statements (ADR 0022)', (env) => {
	it('prepares a marked statement once per connection on PostgreSQL and leaves unmarked ones unnamed', async () => {
		const marked = (n: number) => sql<{ doubled: number }>`${sql.raw(preparedMark)} select ${n}::int * 2 as doubled`;
		await env()
			.db.connection()
			.execute(async (connection) => {
				// The same text with other values: prepared once, answers each call with its own values.
				expect((await marked(2).execute(connection)).rows).toEqual([{ doubled: 4 }]);
				expect((await marked(21).execute(connection)).rows).toEqual([{ doubled: 42 }]);
				await sql`select 1 as unmarked`.execute(connection);
				const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(connection);
				if (env().kind === 'postgres') {
					expect(prepared.rows).toHaveLength(1);
					expect(prepared.rows[0]!.name).toMatch(/^aspa_/);
					expect(prepared.rows[0]!.statement).toContain(preparedMark);
				} else {
					// PGlite reads the mark as a comment: nothing is kept.
					expect(prepared.rows).toEqual([]);
				}
			});
	});
});
