import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * A case-insensitive "contains" match of free text over a unit's key and names, with the LIKE
 * wildcards in the text escaped, so that searching for `50%` finds "50%" and not everything.
 */
export function textMatches(q: string, columns: readonly string[]): Expression<SqlBool> {
	const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	const ors = columns.map((column) => sql`${sql.ref(column)} ilike ${pattern}`);
	return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}
