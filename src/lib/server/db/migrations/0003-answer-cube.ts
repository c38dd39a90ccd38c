import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * The answer cube (ADR 0015): counts, sums and sums of squares that reports read instead of raw
 * answers, and the queue of stored responses not yet folded into it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		-- Derived data, rebuilt from response and answer at will (aspa cube rebuild), hence no
		-- foreign keys. Three grouping sets share the table (core/report/cube.ts):
		--   channel × language: segment_key = ''
		--   per segment value: channel = language = '*', segment_key = the key
		--   totals:            channel = language = '*', segment_key = ''
		-- library_id 0 = responses without a library. The key starts with what a report joins on
		-- (study, round, library), so each library of a report group is one index range. Folds
		-- update n, sum and sum_sq in place: room left in each page keeps those updates HOT (no new
		-- index entries). Text columns compare byte-wise (collate "C"): the key is probed on every
		-- fold, and a locale comparison per column would cost several times as much.
		create table answer_cube (
			study_id integer not null,
			round_id integer not null,
			library_id integer not null,
			segment_key text collate "C" not null,
			channel text collate "C" not null,
			language text collate "C" not null,
			segment_value text collate "C" not null,
			item_id text collate "C" not null,
			facet text collate "C" not null,
			value_code text collate "C" not null,
			n bigint not null check (n > 0),
			sum double precision not null,
			sum_sq double precision not null,
			primary key (study_id, round_id, library_id, segment_key, channel, language, segment_value, item_id, facet, value_code)
		) with (fillfactor = 70);

		-- Stored responses whose answers are not in the cube yet. storeResponse adds the row in the
		-- statement that stores the response; foldPending takes rows out and adds their answers.
		create table cube_pending (
			response_id bigint primary key references response (id) on delete cascade,
			study_id integer not null
		);
		create index cube_pending_study on cube_pending (study_id);

		-- Responses stored before this migration are pending, so the first fold brings them in.
		insert into cube_pending (response_id, study_id) select id, study_id from response;
	`
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await runScript(db, `drop table cube_pending, answer_cube`);
}
