import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseGrantSpec, type GrantSpec } from '#lib/core/grant-spec.ts';
import { locales, type Locale } from '#lib/core/org-types.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { addUser } from '#lib/server/services/add-user.ts';

/** `description` is read by `--help` (main.ts); parseArgs ignores it. */
const options = {
	email: { type: 'string', description: 'the e-mail address (the sign-in name)' },
	name: { type: 'string', description: 'the display name' },
	grant: { type: 'string', multiple: true, description: 'ROLE:SCOPE, repeatable' },
	locale: { type: 'string', description: 'language of the account and its mail (default fi)' },
	'password-stdin': { type: 'boolean', description: 'read the password from standard input (12-200 characters)' },
	invite: { type: 'boolean', description: 'also e-mail the invitation link' }
} as const;

export const userAdd: Command = {
	name: ['user', 'add'],
	summary: 'Add a user with grants (or add grants to an existing one); makes the first admin.',
	usage:
		'user add --email E --name N --grant ROLE:SCOPE [--grant …] [--locale fi|sv|en] [--password-stdin | --invite]\n\n' +
		'  SCOPE is global (admin only), network:KEY, municipality:KEY or library:KEY.\n' +
		'  Without a password option a one-time link to set the password is printed (valid 7 days).\n\n' +
		'  Example: npm run aspa -- user add --email maija@example.fi --name "Maija M" --grant admin:global\n' +
		'           printf "%s" "$PASSWORD" | npm run -s aspa -- user add … --password-stdin',
	options,
	async run(values, io) {
		const email = values.email;
		const name = values.name;
		if (typeof email !== 'string' || !email) throw new UsageError('--email is required.');
		if (typeof name !== 'string' || !name) throw new UsageError('--name is required.');
		if (values['password-stdin'] && values.invite) throw new UsageError('Give either --password-stdin or --invite, not both.');
		const grants: GrantSpec[] = [];
		for (const text of (values.grant as string[] | undefined) ?? []) {
			const parsed = parseGrantSpec(text);
			if (!parsed.ok) throw new UsageError(`--grant ${text}: ${parsed.problem}`);
			grants.push(parsed.grant);
		}
		if (grants.length === 0) throw new UsageError('At least one --grant ROLE:SCOPE is required.');
		let locale: Locale | undefined;
		if (values.locale !== undefined) {
			locale = locales.find((l) => l === values.locale);
			if (!locale) throw new UsageError(`--locale must be one of ${locales.join(', ')}.`);
		}
		let password: string | undefined;
		if (values['password-stdin']) {
			if (!io.readStdin) throw new UsageError('This environment has no standard input to read.');
			password = (await io.readStdin()).replace(/\r?\n$/, '');
		}

		const ctx = await io.context();
		try {
			if (ctx.dbHandle.kind === 'pglite') await migrateToLatest(ctx.db);
			const result = await addUser(ctx, { email, displayName: name, locale, grants, password, sendInvitation: !!values.invite });
			const grantsText = `${result.grantsAdded} grant${result.grantsAdded === 1 ? '' : 's'} added`;
			io.out(`${result.created ? 'Created' : 'Updated'} user ${result.userId} <${email}>: ${result.status}, ${grantsText}.`);
			if (result.inviteLink) {
				if (!ctx.config.origin) io.err(`Note: ORIGIN is not set, so the link starts with ${ctx.origin}.`);
				io.out('One-time link to set the password (valid 7 days):');
				io.out(result.inviteLink);
				if (values.invite) io.out(ctx.mail.configured ? 'The invitation was sent by e-mail.' : 'SMTP is not configured: the invitation waits in the outbox (/admin/outbox).');
			}
			if (result.status === 'deactivated') io.err('Note: the account is deactivated; reactivate it on /admin/users to let it sign in.');
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
