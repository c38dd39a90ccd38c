import { error, fail, redirect } from '@sveltejs/kit';
import { AppError, isAppError } from '#lib/core/errors.ts';
import { requireActor, rethrowAsHttp } from '../../../account-guard.ts';
import { readGrantFields } from '#lib/server/http/grant-form.ts';
import { viewUser } from '#lib/server/services/view-user.ts';
import { grantRole } from '#lib/server/services/grant-role.ts';
import { revokeGrant } from '#lib/server/services/revoke-grant.ts';
import { setUserStatus } from '#lib/server/services/set-user-status.ts';
import { resendInvitation } from '#lib/server/services/resend-invitation.ts';
import { appErrorFields } from '#lib/components/account/error-text.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function userIdOf(params: { id: string }): number {
	const id = Number(params.id);
	if (!Number.isInteger(id) || id <= 0) error(404, { message: m.error_user_not_found() });
	return id;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	try {
		const view = await viewUser(locals.ctx, actor, userIdOf(params));
		return { ...view, done: url.searchParams.get('done'), smtpConfigured: locals.ctx.mail.configured };
	} catch (caught) {
		rethrowAsHttp(caught);
	}
};

/**
 * Runs one change and comes back to the page with `?done=…` (so a reload repeats nothing), or
 * fails with the error under the form that caused it.
 */
async function change(event: RequestEvent, form: string, done: string, run: (data: FormData, userId: number) => Promise<unknown>) {
	requireActor(event.locals, event.url);
	const userId = userIdOf(event.params);
	const data = await event.request.formData();
	try {
		await run(data, userId);
	} catch (caught) {
		if (isAppError(caught) && caught.kind !== 'unavailable') {
			return fail(caught.kind === 'conflict' ? 409 : caught.kind === 'forbidden' ? 403 : 400, { form, errors: appErrorFields(caught) });
		}
		throw caught;
	}
	redirect(303, `/admin/users/${userId}?done=${done}`);
}

export const actions: Actions = {
	grant: (event) =>
		change(event, 'grant', 'grant_added', async (data, userId) => {
			const grant = readGrantFields(data);
			if (!grant.ok) throw new AppError('invalid', 'grant_choice_required', 'The grant form lacks a role or a scope.', { details: { field: 'scope' } });
			await grantRole(event.locals.ctx, event.locals.actor!, { userId, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId });
		}),
	revoke: (event) =>
		change(event, 'revoke', 'grant_revoked', async (data) => {
			await revokeGrant(event.locals.ctx, event.locals.actor!, { grantId: Number(data.get('grantId')) });
		}),
	deactivate: (event) =>
		change(event, 'status', 'deactivated', (_data, userId) => setUserStatus(event.locals.ctx, event.locals.actor!, { userId, active: false })),
	reactivate: (event) =>
		change(event, 'status', 'reactivated', (_data, userId) => setUserStatus(event.locals.ctx, event.locals.actor!, { userId, active: true })),
	resend: (event) =>
		change(event, 'status', 'invitation_resent', (_data, userId) => resendInvitation(event.locals.ctx, event.locals.actor!, { userId }))
};
