import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * Instruments, studies, rounds, collectors and responses (DESIGN.md "What reports query"): one
 * `response` row with the respondent's segment values copied onto it, and one `answer` row per
 * response × item × facet. Open text lives apart in `answer_text`, so aggregates never read it.
 * No column anywhere holds an IP address or anything that ties a response to a person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		-- A privacy notice per organisation (global = the default for the installation); texts are
		-- LocalizedText jsonb ({fi, sv, en}).
		create table privacy_notice (
			id integer generated always as identity primary key,
			scope_type text not null check (scope_type in ('global', 'network', 'municipality', 'library')),
			scope_id integer,
			controller jsonb not null,
			purpose jsonb not null,
			retention jsonb not null,
			contact jsonb not null,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check ((scope_type = 'global') = (scope_id is null))
		);
		create unique index privacy_notice_scope on privacy_notice (scope_type, coalesce(scope_id, 0));

		create table instrument (
			id integer generated always as identity primary key,
			key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			name jsonb not null,
			kind text not null check (kind in ('survey', 'staff_survey', 'pulse', 'feedback', 'checklist', 'exercise')),
			template_key text,
			is_demo boolean not null default false,
			created_by integer references app_user (id),
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			archived_at timestamptz
		);

		-- Published versions are immutable; editing makes a new draft with the same item ids.
		create table instrument_version (
			id integer generated always as identity primary key,
			instrument_id integer not null references instrument (id),
			version integer not null check (version > 0),
			status text not null check (status in ('draft', 'published')),
			definition jsonb not null,
			created_by integer references app_user (id),
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			published_by integer references app_user (id),
			published_at timestamptz,
			unique (instrument_id, version),
			check ((status = 'published') = (published_at is not null))
		);
		create unique index instrument_version_one_draft on instrument_version (instrument_id) where status = 'draft';

		create table study (
			id integer generated always as identity primary key,
			key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			name jsonb not null,
			instrument_id integer not null references instrument (id),
			-- Confidential: nobody sees raw responses, only aggregates (the staff survey).
			confidential boolean not null default false,
			-- Closed population: answering needs a one-time token.
			uses_tokens boolean not null default false,
			-- Public links: accept one response per device (a cookie), not only warn.
			one_per_device boolean not null default false,
			is_demo boolean not null default false,
			created_by integer references app_user (id),
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			archived_at timestamptz
		);

		create table study_scope (
			id integer generated always as identity primary key,
			study_id integer not null references study (id),
			scope_type text not null check (scope_type in ('network', 'municipality', 'library')),
			scope_id integer not null,
			unique (study_id, scope_type, scope_id)
		);

		-- A round (wave) pins one published instrument version.
		create table study_round (
			id integer generated always as identity primary key,
			study_id integer not null references study (id),
			key text not null check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			name jsonb not null,
			instrument_version_id integer not null references instrument_version (id),
			opens_at timestamptz not null,
			closes_at timestamptz not null,
			created_at timestamptz not null default now(),
			unique (study_id, key),
			check (closes_at > opens_at)
		);
		create index study_round_study on study_round (study_id);

		-- Where answers come from: a library × channel. The respondent URL is /<mode letter>/<slug>:
		-- /s/ survey page, /k/ kiosk, /p/ pulse; a slug is unique within its mode (ADR 0011).
		create table collector (
			id integer generated always as identity primary key,
			study_id integer not null references study (id),
			library_id integer references library (id),
			channel text not null check (channel in ('web', 'qr', 'kiosk', 'link', 'phone', 'paper')),
			mode text not null default 'survey' check (mode in ('survey', 'kiosk', 'pulse')),
			slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
			-- Origins allowed to embed the respondent page in an iframe (none by default).
			frame_origins jsonb not null default '[]'::jsonb,
			-- Kiosk: reset, idle and tap-guard seconds; see core.
			settings jsonb not null default '{}'::jsonb,
			created_at timestamptz not null default now(),
			archived_at timestamptz
		);
		create index collector_study on collector (study_id);
		create unique index collector_mode_slug on collector (mode, slug);

		-- One-time tokens for a closed population. Only the hash is kept; nothing ties a token to a
		-- person. used_at makes the response rate (used of issued) countable.
		create table response_token (
			id text primary key,
			study_id integer not null references study (id),
			round_id integer not null references study_round (id),
			batch integer not null,
			issued_at timestamptz not null default now(),
			used_at timestamptz
		);
		create index response_token_round on response_token (round_id);

		create table response (
			id bigint generated always as identity primary key,
			-- Issued with the form or made by the kiosk's offline queue: a retry stores nothing new.
			submission_id uuid not null unique,
			study_id integer not null references study (id),
			round_id integer not null references study_round (id),
			library_id integer references library (id),
			collector_id integer references collector (id),
			channel text not null check (channel in ('web', 'qr', 'kiosk', 'link', 'phone', 'paper')),
			language text not null check (language in ('fi', 'sv', 'en')),
			instrument_version_id integer not null references instrument_version (id),
			submitted_at timestamptz not null default now(),
			-- Segment values copied from the background items, as real columns for reports.
			age_band text,
			gender text,
			education text,
			life_situation text,
			home_library_id integer references library (id),
			-- Every segment value (the standard ones above and any other), for custom breakdowns.
			segments jsonb not null default '{}'::jsonb,
			-- Set when a burst of identical submissions is noticed on one collector; shown for review
			-- (ADR 0012). answer_digest is a hash of the answer rows that the burst rule compares.
			flag text check (flag in ('burst')),
			answer_digest text,
			-- Paper entry: the staff member who typed it in (not the respondent).
			entered_by integer references app_user (id)
		);
		create index response_study_round_library on response (study_id, round_id, library_id);
		create index response_collector_digest on response (collector_id, answer_digest, submitted_at);

		create table answer (
			response_id bigint not null references response (id) on delete cascade,
			item_id text not null,
			facet text not null default '',
			option_code text,
			number_value numeric,
			date_value date,
			is_na boolean not null default false,
			primary key (response_id, item_id, facet)
		);

		create table answer_text (
			response_id bigint not null references response (id) on delete cascade,
			item_id text not null,
			facet text not null default '',
			text text not null,
			primary key (response_id, item_id, facet)
		);

		-- Partial save and resume: the raw form values under the hash of a resume code.
		create table partial_response (
			id text primary key,
			collector_id integer not null references collector (id),
			round_id integer not null references study_round (id),
			language text not null check (language in ('fi', 'sv', 'en')),
			form_values jsonb not null,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			expires_at timestamptz not null
		);
	`
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`drop table partial_response, answer_text, answer, response, response_token, collector, study_round,
			study_scope, study, instrument_version, instrument, privacy_notice`
	);
}
