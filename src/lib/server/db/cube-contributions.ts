import { sql, type RawBuilder } from 'kysely';
import { answerableItems } from '#lib/core/instrument/instrument.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { Db } from './client.ts';

/**
 * What responses contribute to the answer cube (ADR 0015, core/report/cube.ts): the SQL that turns
 * a set of responses and their answer rows into cube rows. `answer-cube.ts` adds them, subtracts
 * them or writes them afresh.
 */

/** Item kinds whose answers are one row (facet ''): their "answered" row needs no grouping. */
const singleRowKinds = ['single_choice', 'rating', 'nps', 'school_grade', 'happy_index', 'checklist', 'number'];

export interface ItemKind {
	version_id: number;
	item_id: string;
	kind: string;
}

/**
 * The kind of every item of the versions a study's responses can carry (published versions of
 * its instrument and the versions its rounds pin), read through `validateInstrument` so that
 * older schema versions are upgraded first. The fold needs them to tell a free number from a
 * scale point and to pair importance/performance and LibQUAL facets.
 */
export async function studyItemKinds(db: Db, studyId: number): Promise<ItemKind[]> {
	const versions = await db
		.selectFrom('instrumentVersion as v')
		.select(['v.id', 'v.definition'])
		.where((eb) =>
			eb.or([
				eb.and([eb('v.status', '=', 'published'), eb('v.instrumentId', '=', eb.selectFrom('study').select('instrumentId').where('id', '=', studyId))]),
				eb('v.id', 'in', eb.selectFrom('studyRound').select('instrumentVersionId').where('studyId', '=', studyId))
			])
		)
		.execute();
	return versions.flatMap((version) => {
		const result = validateInstrument(version.definition);
		if (!result.ok) throw new Error(`Instrument version ${version.id} does not validate, so its answers cannot be folded: ${result.issues[0]?.message}`);
		return answerableItems(result.instrument).map((item) => ({ version_id: version.id, item_id: item.id, kind: item.kind }));
	});
}

/**
 * CTEs ending in `contrib`: the cube rows that the responses selected by `from` (a FROM clause
 * over `response r`) contribute, one row per cube key with n, sum and sum_sq.
 *
 * Per response the cells are: the respondent (item ''); per answer row its value code (option
 * code, 'na', '#' for a free number, else the number as text); per multi-row item (multiple
 * choice, matrix, importance/performance, LibQUAL) '*'/'*'; per importance/performance and
 * LibQUAL item the derived facets. A LibQUAL triple with minimum > desired is left out of its
 * facets and gaps and counted as '=inverted' instead. The '*' row of a one-row item is the sum of
 * its value rows, added after aggregation rather than per response.
 *
 * The cells are summed per round × library × (channel, language) and per round × library ×
 * segment profile (the response's whole segment object) in one pass (grouping sets); then the
 * totals are summed from the channel × language rows, and the profiles are split into their
 * segment values, so a response is expanded per segment value only after it has been summed with
 * the others of the same profile. Text keys are compared byte-wise (collate "C"): grouping gives
 * the same groups, and any sort the planner picks avoids the far slower locale comparison.
 */
export function contributionCtes(kinds: ItemKind[], from: RawBuilder<unknown>): RawBuilder<unknown> {
	const single = sql.join(singleRowKinds.map((kind) => sql.lit(kind)));
	return sql`
	kinds as (
		select * from jsonb_to_recordset(${JSON.stringify(kinds)}::jsonb) as k(version_id int, item_id text, kind text)
	),
	responses as (
		select r.id, r.round_id, coalesce(r.library_id, 0) as library_id, r.channel collate "C" as channel, r.language collate "C" as language,
			r.instrument_version_id,
			(jsonb_strip_nulls(jsonb_build_object('age_band', r.age_band, 'gender', r.gender, 'education', r.education,
				'life_situation', r.life_situation)) || r.segments)::text collate "C" as profile
		${from}
	),
	src as (
		select id, round_id, library_id, channel, language, instrument_version_id, profile, dense_rank() over (order by profile) as profile_id
		from responses
	),
	ans as (
		select a.response_id, s.round_id, s.library_id, s.channel, s.language, s.profile_id,
			a.item_id collate "C" as item_id, a.facet collate "C" as facet, a.option_code collate "C" as option_code,
			a.number_value, a.number_value::float8 as v, a.is_na, coalesce(k.kind, '') as kind
		from src s
		join answer a on a.response_id = s.id
		left join kinds k on k.version_id = s.instrument_version_id and k.item_id = a.item_id collate "C"
		where a.option_code is not null or a.number_value is not null or a.is_na
	),
	multi as (
		select response_id, round_id, library_id, channel, language, profile_id, item_id, kind,
			max(v) filter (where facet = 'importance' and not is_na) as importance,
			max(v) filter (where facet = 'performance' and not is_na) as performance,
			max(v) filter (where facet = 'minimum' and not is_na) as minimum,
			max(v) filter (where facet = 'desired' and not is_na) as desired,
			max(v) filter (where facet = 'perceived' and not is_na) as perceived
		from ans
		where kind not in (${single})
		group by response_id, round_id, library_id, channel, language, profile_id, item_id, kind
	),
	inverted as (
		select response_id, round_id, library_id, channel, language, profile_id, item_id from multi where kind = 'libqual' and minimum > desired
	),
	cells (round_id, library_id, channel, language, profile_id, item_id, facet, value_code, v) as (
		select round_id, library_id, channel, language, profile_id, '', '', '', null::float8 from src
		union all
		select a.round_id, a.library_id, a.channel, a.language, a.profile_id, a.item_id, a.facet,
			case when a.is_na then 'na' when a.option_code is not null then a.option_code when a.kind = 'number' then '#'
				else trim_scale(a.number_value)::text end,
			case when a.is_na then null else a.v end
		from ans a
		left join inverted i on i.response_id = a.response_id and i.item_id = a.item_id
		where i.response_id is null
		union all
		select round_id, library_id, channel, language, profile_id, item_id, '*', '*', null from multi
		union all
		select m.round_id, m.library_id, m.channel, m.language, m.profile_id, m.item_id, g.facet,
			case when g.facet = '=oi' then '#' when g.v < 0 then '-' when g.v > 0 then '+' else '0' end, g.v
		from multi m
		cross join lateral (values
			('=gap', case when m.kind = 'importance_performance' then m.importance - m.performance end),
			-- greatest() skips nulls, so the pair must be complete before it is asked.
			('=oi', case when m.kind = 'importance_performance' and m.performance is not null
				then m.importance + greatest(0, m.importance - m.performance) end),
			('=adequacy', case when m.kind = 'libqual' and m.minimum <= m.desired then m.perceived - m.minimum end),
			('=superiority', case when m.kind = 'libqual' and m.minimum <= m.desired then m.perceived - m.desired end)
		) as g (facet, v)
		where m.kind in ('importance_performance', 'libqual') and g.v is not null
		union all
		select round_id, library_id, channel, language, profile_id, item_id, '=inverted', '#', 1 from inverted
		union all
		select round_id, library_id, channel, language, profile_id, '', '=inverted', '#', count(*)
		from inverted
		group by response_id, round_id, library_id, channel, language, profile_id
	),
	agg as (
		select round_id, library_id, channel, language, profile_id, item_id, facet, value_code,
			count(*) as n, coalesce(sum(v), 0) as sum, coalesce(sum(v * v), 0) as sum_sq, grouping(profile_id) as by_channel
		from cells
		group by grouping sets (
			(round_id, library_id, channel, language, item_id, facet, value_code),
			(round_id, library_id, profile_id, item_id, facet, value_code)
		)
	),
	rolled as (
		select round_id, library_id, channel, language, profile_id, by_channel, item_id, facet, value_code, n, sum, sum_sq from agg
		union all
		select round_id, library_id, channel, language, profile_id, by_channel, item_id, '*', '*', sum(n), 0, 0
		from agg
		where facet = '' and item_id <> ''
		group by round_id, library_id, channel, language, profile_id, by_channel, item_id
	),
	segment_values as materialized (
		select p.profile_id, e.key collate "C" as segment_key, v.value collate "C" as segment_value
		from (select distinct profile_id, profile from src) p
		cross join lateral jsonb_each_text(p.profile::jsonb) as e
		cross join lateral unnest(string_to_array(e.value, ',')) as v (value)
		where e.key <> '' and v.value <> ''
	),
	contrib as (
		select round_id, library_id, '' as segment_key, channel, language, '' as segment_value, item_id, facet, value_code,
			sum(n) as n, sum(sum) as sum, sum(sum_sq) as sum_sq
		from rolled where by_channel = 1
		group by round_id, library_id, channel, language, item_id, facet, value_code
		union all
		select round_id, library_id, '', '*', '*', '', item_id, facet, value_code, sum(n), sum(sum), sum(sum_sq)
		from rolled where by_channel = 1
		group by round_id, library_id, item_id, facet, value_code
		union all
		select r.round_id, r.library_id, g.segment_key, '*', '*', g.segment_value, r.item_id, r.facet, r.value_code,
			sum(r.n), sum(r.sum), sum(r.sum_sq)
		from rolled r
		join segment_values g on g.profile_id = r.profile_id
		where r.by_channel = 0
		group by r.round_id, r.library_id, g.segment_key, g.segment_value, r.item_id, r.facet, r.value_code
	)`;
}
