import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Hot statements opt in to server-side prepared statements by starting with this comment
 * (ADR 0022). On PostgreSQL, a statement sent without a name is parsed and planned on every call:
 * for the submission's one-statement insert that planning costs more than executing it (pgbench,
 * 10 clients: 1,956 statements/s unnamed, 6,249/s prepared). Kysely always sends unnamed
 * statements, so the pool's client names the marked ones itself, by a hash of their text: the same
 * text is parsed once per connection and then only bound and executed, and PostgreSQL keeps its
 * plan. Only fixed texts may carry the mark (a text that varies with its input, such as an `in`
 * list, would prepare a new statement per variant on every connection). PGlite reads it as a comment.
 */
export const preparedMark = '/* prepared */';

const names = new Map<string, string>();

function statementName(text: string): string {
	let name = names.get(text);
	if (name === undefined) {
		name = `aspa_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
		if (names.size > 1000) names.clear();
		names.set(text, name);
	}
	return name;
}

/**
 * Prepared statements use their generic plan from the first call on: PostgreSQL's default would
 * plan the first five calls anew and may keep doing so for statements whose generic plan it
 * estimates dearer, which is exactly the cost we prepare to avoid. Only named statements are
 * affected; every unmarked statement is still planned for its values.
 */
export const preparedOptions = '-c plan_cache_mode=force_generic_plan';

/** node-postgres's client, naming the statements that carry `preparedMark`; Kysely calls `query(text, values)`. */
export class PreparingClient extends pg.Client {}

const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
PreparingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
	const [text, values] = args;
	if (typeof text === 'string' && text.startsWith(preparedMark, text.search(/\S/))) {
		return plainQuery.call(this, { name: statementName(text), text, values });
	}
	return plainQuery.apply(this, args);
} as pg.Client['query'];
