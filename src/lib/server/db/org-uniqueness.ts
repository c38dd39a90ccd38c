import type { Db } from './client.ts';

export type UnitTable = 'network' | 'municipality' | 'library';

/**
 * Which of a unit's unique values another row of the same table holds already, so a service can
 * name the field instead of failing on the constraint. The constraints stay the last word.
 */
export async function takenFields(
	db: Db,
	table: UnitTable,
	values: { key?: string; kirkantaId?: number | null; isil?: string | null },
	exceptId?: number
): Promise<('key' | 'kirkantaId' | 'isil')[]> {
	const taken: ('key' | 'kirkantaId' | 'isil')[] = [];
	const other = (rows: { id: number }[]) => rows.some((row) => row.id !== exceptId);
	if (values.key !== undefined) {
		if (other(await db.selectFrom(table).select('id').where('key', '=', values.key).execute())) taken.push('key');
	}
	if (values.kirkantaId !== undefined && values.kirkantaId !== null) {
		if (other(await db.selectFrom(table).select('id').where('kirkantaId', '=', values.kirkantaId).execute())) taken.push('kirkantaId');
	}
	if (table === 'library' && values.isil) {
		if (other(await db.selectFrom('library').select('id').where('isil', '=', values.isil).execute())) taken.push('isil');
	}
	return taken;
}
