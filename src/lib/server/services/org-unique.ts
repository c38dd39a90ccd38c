import type { FieldErrors } from '#lib/core/organisations.ts';
import type { Db } from '#lib/server/db/client.ts';
import { takenFields, type UnitTable } from '#lib/server/db/org-uniqueness.ts';
import { fieldError } from './org-access.ts';

const problems = { key: 'key_taken', kirkantaId: 'kirkanta_id_taken', isil: 'isil_taken' } as const;
const codes = { key: 'org_key_taken', kirkantaId: 'org_kirkanta_id_taken', isil: 'org_isil_taken' } as const;

/** Throws a `conflict` naming every unique field (key, ISIL, Kirkanta id) another unit holds. */
export async function assertUnique(
	db: Db,
	table: UnitTable,
	values: { key?: string; kirkantaId?: number | null; isil?: string | null },
	exceptId?: number
): Promise<void> {
	const taken = await takenFields(db, table, values, exceptId);
	if (!taken.length) return;
	const fields: FieldErrors = {};
	for (const field of taken) fields[field] = problems[field];
	const described = taken.map((field) => `${field} ${String(values[field])}`).join(', ');
	throw fieldError('conflict', codes[taken[0]!], `Another ${table} has the ${described} already.`, fields);
}
