import type { Selectable } from 'kysely';
import type { Db } from './client.ts';
import type { LocalizedJson, StudyRoundTable } from './schema.ts';

/** Rounds (waves) of a study; each pins one published instrument version. */

export type RoundRow = Selectable<StudyRoundTable>;

export async function insertRound(
	db: Db,
	row: { studyId: number; key: string; name: LocalizedJson; instrumentVersionId: number; opensAt: Date; closesAt: Date; now: Date }
): Promise<RoundRow> {
	return db
		.insertInto('studyRound')
		.values({
			studyId: row.studyId,
			key: row.key,
			name: JSON.stringify(row.name),
			instrumentVersionId: row.instrumentVersionId,
			opensAt: row.opensAt,
			closesAt: row.closesAt,
			createdAt: row.now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function findRound(db: Db, id: number): Promise<RoundRow | undefined> {
	return db.selectFrom('studyRound').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRoundByKey(db: Db, studyId: number, key: string): Promise<RoundRow | undefined> {
	return db.selectFrom('studyRound').selectAll().where('studyId', '=', studyId).where('key', '=', key).executeTakeFirst();
}

/** Rounds of a study, earliest first. */
export async function listRounds(db: Db, studyId: number): Promise<RoundRow[]> {
	return db.selectFrom('studyRound').selectAll().where('studyId', '=', studyId).orderBy('opensAt').orderBy('id').execute();
}

export async function updateRound(
	db: Db,
	id: number,
	changes: { name?: LocalizedJson; opensAt?: Date; closesAt?: Date; instrumentVersionId?: number }
): Promise<RoundRow> {
	const { name, ...rest } = changes;
	if (name === undefined && Object.values(rest).every((value) => value === undefined)) {
		return db.selectFrom('studyRound').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}
	return db
		.updateTable('studyRound')
		.set({ ...rest, ...(name === undefined ? {} : { name: JSON.stringify(name) }) })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/**
 * Changes the pinned version only while the round has no responses, in one statement, so a
 * response committed meanwhile cannot end up under a version it was not answered in.
 */
export async function repinRoundVersion(db: Db, id: number, instrumentVersionId: number): Promise<boolean> {
	const result = await db
		.updateTable('studyRound')
		.set({ instrumentVersionId })
		.where('id', '=', id)
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('response').select('response.id').where('response.roundId', '=', id))))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
