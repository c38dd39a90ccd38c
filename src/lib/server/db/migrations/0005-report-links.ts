import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * Read-only public links to one report (ADR 0021): a study × scope unit × fixed filter, opened at
 * `/r/<token>` without signing in. Only the SHA-256 of the token is stored, so a database dump does
 * not hand out working links. A link stops working when revoked or past `expires_at`; rows are
 * kept (not deleted) so the list shows what was shared, by whom and until when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		create table report_link (
			id integer generated always as identity primary key,
			token_hash text not null unique,
			study_id integer not null references study (id),
			scope_type text not null check (scope_type in ('library', 'municipality', 'network')),
			scope_id integer not null,
			-- The fixed filter as report query parameters (round, compare, channel, language, segment, breakdown).
			filter jsonb not null default '{}'::jsonb,
			-- The coordinator's own note on what the link is for (e.g. "board meeting"); never shown publicly.
			label text not null default '',
			expires_at timestamptz,
			created_by integer references app_user (id),
			created_at timestamptz not null default now(),
			revoked_at timestamptz,
			revoked_by integer references app_user (id)
		);
		create index report_link_study on report_link (study_id);
	`
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await runScript(db, `drop table report_link`);
}
