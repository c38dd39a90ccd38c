import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * Coordinators' work on open-text themes (ADR 0019). Themes themselves are computed from the
 * answers each time; what is stored is only what a person decided, per study × item:
 * - `text_theme`: a theme the coordinator renamed, merged into another, tagged answers with, or
 *   made by hand (`manual`, keys starting with '#'). Automatic theme keys are stems
 *   ('ystäväl', 'automaat lainaam').
 * - `text_theme_tag`: an answer tagged with a theme by hand. Deleting a response deletes its
 *   tags; deleting a theme made by hand deletes its tags.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		create table text_theme (
			id integer generated always as identity primary key,
			study_id integer not null references study (id),
			item_id text not null,
			key text not null check (length(key) between 1 and 200),
			-- The coordinator's label; null keeps the automatic one.
			label text check (label is null or length(label) between 1 and 200),
			-- The key of the theme this one was merged into; null when not merged.
			merged_into text check (merged_into is null or merged_into <> key),
			manual boolean not null default false,
			created_by integer references app_user (id),
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			unique (study_id, item_id, key),
			check (not manual or (label is not null and key like '#%'))
		);

		create table text_theme_tag (
			response_id bigint not null references response (id) on delete cascade,
			study_id integer not null,
			item_id text not null,
			theme_key text not null,
			created_by integer references app_user (id),
			created_at timestamptz not null default now(),
			primary key (response_id, item_id, theme_key),
			foreign key (study_id, item_id, theme_key) references text_theme (study_id, item_id, key) on delete cascade
		);
		create index text_theme_tag_theme on text_theme_tag (study_id, item_id, theme_key);
	`
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await runScript(db, `drop table text_theme_tag, text_theme`);
}
