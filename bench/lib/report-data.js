// Synthetic report data for the benchmarks, written with set-based SQL (generate_series and one
// INSERT … SELECT per table) instead of a million submits: 60 libraries in 12 municipalities, two
// networks (a region with every library, a consortium with 20), a 30-item customer survey, two
// rounds, four channels, fi/sv/en, four segment items. Works on a Kysely handle of PostgreSQL or
// PGlite, so a later suite can start the server on the same database (the HTTP report).
import { sql } from 'kysely';
import { newInstrument, newItem } from '../../src/lib/core/instrument/test-builders.ts';

const ratings = ['friendliness', 'courtesy', 'positivity', 'approachability', 'expertise', 'proactivity', 'guidance', 'availability', 'signage', 'tidiness', 'opening_hours', 'collections', 'digital_services', 'future_use'];
const matrixRows = ['phone', 'email', 'chat', 'desk'];
const segments = {
	age_band: ['15-29', '30-44', '45-64', '65-plus'],
	gender: ['female', 'male', 'other'],
	education: ['basic', 'upper_secondary', 'higher'],
	life_situation: ['student', 'working', 'family', 'senior', 'other']
};
const uses = ['library_visit', 'web_library', 'e_materials', 'chat', 'events'];
const texts = ['Enemmän aukioloaikoja iltaisin.', 'Kiitos ystävällisestä palvelusta!', 'Lisää e-kirjoja ja äänikirjoja.', 'Opasteet ovat epäselviä.', 'Henkilökunta oli todella avulias.', 'Hiljaisia työtiloja tarvitaan lisää.'];

/** The 30-item instrument the generated answers belong to (item ids as in the SQL below). */
export function reportInstrument() {
	const segmentItem = (/** @type {keyof typeof segments} */ key) => newItem.singleChoice(key, segments[key], { segment: key, required: true });
	return newInstrument([
		segmentItem('age_band'),
		segmentItem('gender'),
		segmentItem('education'),
		segmentItem('life_situation'),
		newItem.multipleChoice('uses', uses),
		...ratings.map((id) => newItem.rating(id, { allowNa: true })),
		newItem.matrix('channels', matrixRows, { allowNa: true }),
		newItem.importancePerformance('ip_guidance'),
		newItem.importancePerformance('ip_waiting'),
		newItem.libqual('lq_collections'),
		newItem.libqual('lq_space'),
		newItem.nps('nps'),
		newItem.schoolGrade('grade'),
		newItem.happyIndex('happy'),
		newItem.checklist('found_help', { allowNa: true }),
		{ id: 'visits', kind: 'number', text: { fi: 'Käyntejä kuukaudessa' }, min: 0, max: 60, integer: true },
		newItem.longText('develop')
	]);
}

const pick = (/** @type {string[]} */ values, /** @type {string} */ u) =>
	sql.raw(`(array[${values.map((value) => `'${value}'`).join(',')}])[1 + floor(${u} * ${values.length})::int]`);

/**
 * Organisations, the instrument, the study and its rounds. Keys: network `bench-region` (all 60
 * libraries) and `bench-consortium` (20), municipalities `bench-mun-1` … `bench-mun-12`,
 * libraries `bench-lib-1` … `bench-lib-60` (library n in municipality ceil(n / 5)), study `bench`.
 * @param {import('kysely').Kysely<any>} db
 */
export async function loadStructure(db) {
	const { rows: networks } = await sql`insert into network (key, kind, name_fi) values
		('bench-region', 'development_area', 'Penkkialue'), ('bench-consortium', 'consortium', 'Penkkikimppa') returning id, key`.execute(db);
	const { rows: municipalities } = await sql`insert into municipality (key, name_fi)
		select 'bench-mun-' || g, 'Penkkikunta ' || g from generate_series(1, 12) g returning id`.execute(db);
	const { rows: libraries } = await sql`insert into library (key, kind, name_fi)
		select 'bench-lib-' || g, case when g % 5 = 1 then 'main' else 'branch' end, 'Penkkikirjasto ' || g
		from generate_series(1, 60) g order by g returning id, key`.execute(db);
	const libraryIds = /** @type {{ id: number }[]} */ (libraries).map((row) => Number(row.id));
	const municipalityIds = /** @type {{ id: number }[]} */ (municipalities).map((row) => Number(row.id));
	const networkIds = /** @type {{ id: number }[]} */ (networks).map((row) => Number(row.id));
	const memberships = libraryIds.map((id, index) => ({ library: id, municipality: municipalityIds[Math.floor(index / 5)], consortium: index >= 40 }));
	await sql`insert into library_municipality (library_id, municipality_id, valid_from)
		select library, municipality, '2020-01-01'::date from jsonb_to_recordset(${JSON.stringify(memberships)}::jsonb) as m(library int, municipality int)`.execute(db);
	await sql`insert into network_library (network_id, library_id, valid_from)
		select ${networkIds[0]}::int, library, '2020-01-01'::date from jsonb_to_recordset(${JSON.stringify(memberships)}::jsonb) as m(library int)
		union all
		select ${networkIds[1]}::int, library, '2020-01-01'::date from jsonb_to_recordset(${JSON.stringify(memberships)}::jsonb) as m(library int, consortium boolean) where consortium`.execute(db);

	const { rows: instrument } = await sql`insert into instrument (key, name, kind) values ('bench-survey', '{"fi": "Asiakaskysely"}', 'survey') returning id`.execute(db);
	const { rows: version } = await sql`insert into instrument_version (instrument_id, version, status, definition, published_at)
		values (${instrument[0].id}, 1, 'published', ${JSON.stringify(reportInstrument())}::jsonb, '2026-01-01T00:00:00Z') returning id`.execute(db);
	const { rows: study } = await sql`insert into study (key, name, instrument_id) values ('bench', '{"fi": "Penkkitutkimus"}', ${instrument[0].id}) returning id`.execute(db);
	const studyId = Number(study[0].id);
	await sql`insert into study_scope (study_id, scope_type, scope_id) values (${studyId}, 'network', ${networkIds[0]})`.execute(db);
	const { rows: rounds } = await sql`insert into study_round (study_id, key, name, instrument_version_id, opens_at, closes_at) values
		(${studyId}, 'r1', '{"fi": "Kierros 1"}', ${version[0].id}, '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
		(${studyId}, 'r2', '{"fi": "Kierros 2"}', ${version[0].id}, '2027-01-01T00:00:00Z', '2027-03-01T00:00:00Z') returning id`.execute(db);
	return {
		studyId,
		studyKey: 'bench',
		versionId: Number(version[0].id),
		roundIds: /** @type {{ id: number }[]} */ (rounds).map((row) => Number(row.id)),
		libraryIds,
		municipalityIds,
		networkKeys: ['bench-region', 'bench-consortium'],
		/** Library key → its municipality's key and the keys of its fellow libraries. */
		municipalityOf: (/** @type {number} */ libraryIndex) => ({
			key: `bench-mun-${Math.floor(libraryIndex / 5) + 1}`,
			libraryIds: libraryIds.slice(Math.floor(libraryIndex / 5) * 5, Math.floor(libraryIndex / 5) * 5 + 5)
		})
	};
}

/**
 * Everything a report needs, `responses` responses strong. The answer and text tables load
 * without their keys, which are put back afterwards (one index build instead of 30 million
 * inserts into it); then the planner's statistics are refreshed. The cube is not built here.
 * @param {import('kysely').Kysely<any>} db
 * @param {{ responses: number, log?: (line: string) => void }} options
 */
export async function loadReportData(db, { responses, log = () => {} }) {
	const structure = await loadStructure(db);
	const { rows: constraints } = await sql`
		select c.conrelid::regclass::text as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
		from pg_constraint c
		where c.conrelid in ('answer'::regclass, 'answer_text'::regclass) and c.contype in ('p', 'f')
			or c.conrelid = 'response'::regclass and c.contype = 'f'
		order by c.contype desc`.execute(db);
	for (const constraint of /** @type {any[]} */ (constraints)) {
		await sql`alter table ${sql.id(constraint.tableName)} drop constraint ${sql.id(constraint.name)}`.execute(db);
	}
	const started = performance.now();
	for (let done = 0; done < responses; done += 250_000) {
		await addResponses(db, structure, Math.min(250_000, responses - done));
		log(`${Math.min(done + 250_000, responses)} responses (${((performance.now() - started) / 1000).toFixed(0)} s)`);
	}
	for (const constraint of [.../** @type {any[]} */ (constraints)].reverse()) {
		await sql`alter table ${sql.id(constraint.tableName)} add constraint ${sql.id(constraint.name)} ${sql.raw(constraint.definition)}`.execute(db);
	}
	await sql`analyze`.execute(db);
	log(`keys and statistics (${((performance.now() - started) / 1000).toFixed(0)} s)`);
	return structure;
}

/**
 * `count` more responses with their answers and open texts, by set-based SQL. Libraries get
 * uneven shares (library 1 the most, library 60 a handful); the young rate a little lower and the
 * second round a little higher, so reports have gaps and changes to show. With `pending` the new
 * responses are queued for the answer cube as `storeResponse` would queue them.
 * @param {import('kysely').Kysely<any>} db
 * @param {Awaited<ReturnType<typeof loadStructure>>} structure
 * @param {number} count
 * @param {{ pending?: boolean }} [options]
 */
export async function addResponses(db, structure, count, options = {}) {
	const { rows: last } = await sql`select coalesce(max(id), 0) as id from response`.execute(db);
	const after = Number(last[0].id);
	const libraries = sql.raw(`array[${structure.libraryIds.join(',')}]`);
	await sql`
		insert into response (submission_id, study_id, round_id, library_id, channel, language, instrument_version_id, submitted_at,
			age_band, gender, education, life_situation, segments, answer_digest)
		select gen_random_uuid(), ${structure.studyId}::int, case when u1 < 0.45 then ${structure.roundIds[0]}::int else ${structure.roundIds[1]}::int end,
			(${libraries})[1 + floor(power(u2, 1.6) * ${structure.libraryIds.length})::int], ${pick(['web', 'web', 'qr', 'kiosk', 'link'], 'u3')},
			${pick(['fi', 'fi', 'fi', 'fi', 'fi', 'fi', 'sv', 'en'], 'u4')}, ${structure.versionId}::int,
			case when u1 < 0.45 then '2026-02-01T10:00:00Z'::timestamptz else '2027-02-01T10:00:00Z'::timestamptz end,
			age_band, gender, education, life_situation,
			jsonb_build_object('age_band', age_band, 'gender', gender, 'education', education, 'life_situation', life_situation), 'bench'
		from (
			select u1, u2, u3, u4, ${pick(segments.age_band, 'u5')} as age_band, ${pick(segments.gender, 'u6')} as gender,
				${pick(segments.education, 'u7')} as education, ${pick(segments.life_situation, 'u8')} as life_situation
			from (select random() u1, random() u2, random() u3, random() u4, random() u5, random() u6, random() u7, random() u8
				from generate_series(1, ${count}::int)) u
		) s`.execute(db);
	await insertAnswers(db, structure, after);
	await sql`insert into answer_text (response_id, item_id, facet, text)
		select id, 'develop', '', ${pick(texts, 'random()')} from response where id > ${after} and random() < 0.08`.execute(db);
	if (options.pending) await sql`insert into cube_pending (response_id, study_id) select id, study_id from response where id > ${after}`.execute(db);
}

/**
 * One statement: per response a lateral list of its answer rows, so each response's answers lie
 * together in the heap as `storeResponse` leaves them. Each row has a kind `k` and two uniform
 * numbers: `u` decides skipped (u < skip) and N/A (u < skip + na), `w` the value, bent towards the
 * top by the response's `skew`.
 * @param {import('kysely').Kysely<any>} db
 * @param {Awaited<ReturnType<typeof loadStructure>>} structure
 * @param {number} after
 */
async function insertAnswers(db, structure, after) {
	const row = (/** @type {string} */ item, /** @type {string} */ facet, /** @type {string} */ k, /** @type {{ lo?: number, hi?: number, na?: number, skip?: number, code?: string, number?: string }} */ o) =>
		`('${item}', '${facet}', '${k}', ${o.lo ?? 0}, ${o.hi ?? 0}, ${o.na ?? 0}::float8, ${o.skip ?? 0}::float8, ${o.code ?? 'null::text'}, ${o.number ?? 'null::numeric'}, random(), random())`;
	const rows = [
		...Object.keys(segments).map((key) => row(key, '', 'seg', { code: `r.${key}` })),
		...uses.map((code, index) => row('uses', code, 'mc', { skip: [0.2, 0.5, 0.7, 0.9, 0.8][index] })),
		...ratings.map((id) => row(id, '', 'scale', { lo: 1, hi: 5, na: 0.05, skip: 0.03 })),
		...matrixRows.map((facet) => row('channels', facet, 'scale', { lo: 1, hi: 5, na: 0.1, skip: 0.2 })),
		...['ip_guidance', 'ip_waiting'].flatMap((id) => ['importance', 'performance'].map((facet) => row(id, facet, 'scale', { lo: 1, hi: 5, skip: 0.05 }))),
		...['lq_collections', 'lq_space'].flatMap((id, index) => ['minimum', 'desired', 'perceived'].map((facet) => row(id, facet, 'lq', { number: `lq.${facet}${index}` }))),
		row('nps', '', 'scale', { lo: 0, hi: 10, skip: 0.05 }),
		row('grade', '', 'scale', { lo: 4, hi: 10, skip: 0.05 }),
		row('happy', '', 'scale', { lo: 1, hi: 4, skip: 0.05 }),
		row('found_help', '', 'check', { skip: 0.05 }),
		row('visits', '', 'num', { skip: 0.1 })
	];
	await sql`
		insert into answer (response_id, item_id, facet, option_code, number_value, is_na)
		select r.id, x.item_id, x.facet,
			case x.k when 'seg' then x.code when 'mc' then x.facet
				when 'check' then case when x.w < 0.08 then null when x.w < 0.7 then 'yes' else 'no' end end,
			case x.k when 'scale' then case when x.u < x.skip + x.na then null else x.lo + floor(power(x.w, p.skew) * (x.hi - x.lo + 1)) end
				when 'lq' then x.number
				when 'check' then case when x.w < 0.08 then null when x.w < 0.7 then 1 else 0 end
				when 'num' then floor(power(x.w, 2) * 31) end,
			(x.k = 'scale' and x.u < x.skip + x.na) or (x.k = 'check' and x.w < 0.08)
		from response r
		cross join lateral (select
			1.0 / (1.3 + case when r.age_band = '15-29' then -0.35 else 0 end + case when r.round_id = ${structure.roundIds[1]}::int then 0.15 else 0 end
				+ (r.library_id % 7) * 0.03) as skew,
			3 + floor(random() * 4) as m0, 3 + floor(random() * 4) as m1, random() as inv, random() as d, random() as e, random() < 0.1 as skip) p
		cross join lateral (select
			p.m0 as minimum0, least(9, case when p.inv < 0.04 then p.m0 - 1 else p.m0 + floor(p.d * 4) end) as desired0, 2 + floor(p.e * 8) as perceived0,
			p.m1 as minimum1, least(9, p.m1 + floor(p.e * 3)) as desired1, 2 + floor(p.d * 8) as perceived1) lq
		cross join lateral (values ${sql.raw(rows.join(',\n\t\t\t'))}) as x (item_id, facet, k, lo, hi, na, skip, code, number, u, w)
		where r.id > ${after} and r.study_id = ${structure.studyId}
			and case x.k when 'seg' then x.code is not null when 'lq' then not p.skip else x.u >= x.skip end`.execute(db);
}
