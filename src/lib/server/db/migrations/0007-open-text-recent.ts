import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * The newest texts of an open-text item, for a report's themes (ADR 0019: at most 5,000 per item).
 * Without it a network report read every response of its round to find them (250 ms at 1,000,000
 * responses); with it PostgreSQL walks the item's texts newest first and stops at the limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(db, `create index answer_text_item_recent on answer_text (item_id, response_id desc) where facet = '';`);
}
