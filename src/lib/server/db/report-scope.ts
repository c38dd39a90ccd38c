import { sql } from 'kysely';
import type { CubeGroupMember } from '#lib/core/report/cube.ts';
import type { Db } from './client.ts';

/**
 * What a report needs to know about the organisation besides the cube: units by id, the
 * structure as it stood on a round's first day, respondents by channel and language, and the
 * study's report settings.
 */

export interface ReportUnitRow {
	id: number;
	key: string;
	nameFi: string;
	nameSv: string | null;
}

/** Units of one type by id (archived ones too: an old round may name them). */
export async function findUnitsByIds(db: Db, type: 'library' | 'municipality' | 'network', ids: readonly number[]): Promise<ReportUnitRow[]> {
	if (ids.length === 0) return [];
	return db.selectFrom(type).select(['id', 'key', 'nameFi', 'nameSv']).where('id', 'in', [...new Set(ids)]).orderBy('nameFi').orderBy('id').execute();
}

export interface StructureOn {
	/** Library → its municipality then. */
	municipalityOf: Map<number, number>;
	/** Library → the networks holding it then. */
	networksOf: Map<number, number[]>;
}

/**
 * Memberships in force on each of the dates (ISO), in one query per membership table: the
 * structure as it stood when each round opened.
 *
 *     const byDate = await structureOn(db, ['2025-03-01', '2026-03-01']);
 *     byDate.get('2025-03-01')!.municipalityOf.get(libraryId)
 */
export async function structureOn(db: Db, dates: readonly string[]): Promise<Map<string, StructureOn>> {
	const unique = [...new Set(dates)];
	const result = new Map<string, StructureOn>(unique.map((date) => [date, { municipalityOf: new Map(), networksOf: new Map() }]));
	if (unique.length === 0) return result;
	const [municipal, networked] = await Promise.all([
		sql<{ day: string; libraryId: number; municipalityId: number }>`
			select to_char(d.day, 'YYYY-MM-DD') as day, lm.library_id, lm.municipality_id
			from unnest(${unique}::date[]) as d (day)
			join library_municipality lm on lm.valid_from <= d.day and (lm.valid_to is null or lm.valid_to > d.day)`.execute(db),
		sql<{ day: string; libraryId: number; networkId: number }>`
			select to_char(d.day, 'YYYY-MM-DD') as day, nl.library_id, nl.network_id
			from unnest(${unique}::date[]) as d (day)
			join network_library nl on nl.valid_from <= d.day and (nl.valid_to is null or nl.valid_to > d.day)
			order by nl.network_id`.execute(db)
	]);
	for (const row of municipal.rows) result.get(row.day)?.municipalityOf.set(row.libraryId, row.municipalityId);
	for (const row of networked.rows) {
		const networks = result.get(row.day)?.networksOf;
		networks?.set(row.libraryId, [...(networks.get(row.libraryId) ?? []), row.networkId]);
	}
	return result;
}

export interface ChannelLanguageCount {
	group: string;
	roundId: number;
	channel: string;
	language: string;
	n: number;
}

/**
 * Respondents per group, round, channel and language, from the cube's channel × language rows
 * (respondent cells only), summed over the members the report gives.
 */
export async function countRespondentsByChannel(db: Db, studyId: number, members: readonly CubeGroupMember[]): Promise<ChannelLanguageCount[]> {
	if (members.length === 0) return [];
	const list = JSON.stringify(members.map((member) => ({ g: member.group, r: member.roundId, l: member.libraryId })));
	const { rows } = await sql<ChannelLanguageCount>`
		select m.g as "group", c.round_id, c.channel, c.language, sum(c.n)::int as n
		from (select distinct g, r, l from jsonb_to_recordset(${list}::jsonb) as x (g text, r int, l int)) as m
		join answer_cube c on c.study_id = ${studyId} and c.round_id = m.r and c.library_id = m.l
			and c.segment_key = '' and c.channel <> '*' and c.item_id = '' and c.facet = '' and c.value_code = ''
		group by m.g, c.round_id, c.channel, c.language
		order by m.g, c.round_id, c.channel, c.language`.execute(db);
	return rows;
}

/** Replaces a study's report settings (validated by the caller with core/report/settings.ts). */
export async function updateReportSettings(db: Db, studyId: number, settings: Record<string, unknown>, now: Date): Promise<void> {
	await db
		.updateTable('study')
		.set({ reportSettings: JSON.stringify(settings), updatedAt: now })
		.where('id', '=', studyId)
		.execute();
}
