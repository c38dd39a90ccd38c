import type { Kysely } from 'kysely';
import { runScript } from './run-script.ts';

/**
 * Organisations, accounts, sessions, audit log and mail outbox. Plain SQL: the schema is the
 * contract between PGlite (PostgreSQL 18) and production PostgreSQL (15+), so nothing newer than
 * 15 is used here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`
		create table network (
			id integer generated always as identity primary key,
			key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			kind text not null check (kind in ('development_area', 'consortium', 'project')),
			name_fi text not null,
			name_sv text,
			kirkanta_id integer unique,
			is_demo boolean not null default false,
			archived_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		);

		create table municipality (
			id integer generated always as identity primary key,
			key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			name_fi text not null,
			name_sv text,
			kirkanta_id integer unique,
			is_demo boolean not null default false,
			archived_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		);

		create table library (
			id integer generated always as identity primary key,
			key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			kind text not null check (kind in ('main', 'branch', 'mobile', 'other')),
			size_class text check (size_class in ('small', 'medium', 'large')),
			name_fi text not null,
			name_sv text,
			isil text unique,
			kirkanta_id integer unique,
			is_demo boolean not null default false,
			archived_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		);

		create table mobile_stop (
			id integer generated always as identity primary key,
			library_id integer not null references library (id),
			key text not null check (key ~ '^[a-z0-9][a-z0-9-]*$'),
			name_fi text not null,
			name_sv text,
			kirkanta_id integer unique,
			archived_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			unique (library_id, key)
		);

		-- Memberships are valid from valid_from (inclusive) to valid_to (exclusive, null = open), so
		-- closures, mergers and consortium moves end a row and start another instead of rewriting it.
		create table library_municipality (
			id integer generated always as identity primary key,
			library_id integer not null references library (id),
			municipality_id integer not null references municipality (id),
			valid_from date not null,
			valid_to date,
			check (valid_to is null or valid_to > valid_from)
		);
		create index library_municipality_library on library_municipality (library_id);
		create index library_municipality_municipality on library_municipality (municipality_id);

		create table network_library (
			id integer generated always as identity primary key,
			network_id integer not null references network (id),
			library_id integer not null references library (id),
			valid_from date not null,
			valid_to date,
			check (valid_to is null or valid_to > valid_from)
		);
		create index network_library_network on network_library (network_id);
		create index network_library_library on network_library (library_id);

		create table app_user (
			id integer generated always as identity primary key,
			email text not null,
			display_name text not null,
			password_hash text,
			locale text not null default 'fi' check (locale in ('fi', 'sv', 'en')),
			status text not null default 'invited' check (status in ('invited', 'active', 'deactivated')),
			is_demo boolean not null default false,
			last_login_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		);
		create unique index app_user_email on app_user (lower(email));

		-- scope_id points into network, municipality or library by scope_type; 'global' has none.
		create table user_grant (
			id integer generated always as identity primary key,
			user_id integer not null references app_user (id),
			role text not null check (role in ('admin', 'coordinator', 'director', 'staff', 'observer')),
			scope_type text not null check (scope_type in ('global', 'network', 'municipality', 'library')),
			scope_id integer,
			created_at timestamptz not null default now(),
			created_by integer references app_user (id),
			check ((scope_type = 'global') = (scope_id is null))
		);
		create unique index user_grant_unique on user_grant (user_id, role, scope_type, coalesce(scope_id, 0));

		-- id is the SHA-256 of the cookie's token, so a leaked database cannot be replayed as sessions.
		create table user_session (
			id text primary key,
			user_id integer not null references app_user (id),
			created_at timestamptz not null default now(),
			last_seen_at timestamptz not null default now(),
			expires_at timestamptz not null
		);
		create index user_session_user on user_session (user_id);

		-- One-time tokens for invitations and password resets, stored hashed like sessions.
		create table user_token (
			id text primary key,
			user_id integer not null references app_user (id),
			purpose text not null check (purpose in ('invite', 'reset')),
			created_at timestamptz not null default now(),
			expires_at timestamptz not null,
			used_at timestamptz
		);

		-- Failed sign-ins per throttling key (a hash of the normalised e-mail address, or of the
		-- client address), kept only as long as the throttling window needs them.
		create table login_failure (
			id integer generated always as identity primary key,
			key_hash text not null,
			at timestamptz not null default now()
		);
		create index login_failure_key on login_failure (key_hash, at);

		create table audit_event (
			id integer generated always as identity primary key,
			at timestamptz not null default now(),
			actor_user_id integer references app_user (id),
			action text not null,
			target_type text not null,
			target_id text,
			details jsonb not null default '{}'::jsonb
		);
		create index audit_event_at on audit_event (at desc);

		create table mail_outbox (
			id integer generated always as identity primary key,
			created_at timestamptz not null default now(),
			to_address text not null,
			subject text not null,
			body_text text not null,
			status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'outbox')),
			attempts integer not null default 0,
			sent_at timestamptz,
			last_error text
		);
	`
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await runScript(
		db,
		`drop table mail_outbox, audit_event, login_failure, user_token, user_session, user_grant,
			app_user, network_library, library_municipality, mobile_stop, library, municipality, network`
	);
}
