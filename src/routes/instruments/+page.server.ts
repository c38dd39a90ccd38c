import { error, fail, redirect } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { instrumentKinds } from '#lib/core/collection/inputs.ts';
import { readText } from '#lib/core/instrument/builder/form-record.ts';
import { instrumentTemplates } from '#lib/core/instrument/templates/catalogue.ts';
import { canAnywhere } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../account-guard.ts';
import { createInstrument } from '#lib/server/services/collection/create-instrument.ts';
import { listInstruments } from '#lib/server/services/collection/list-instruments.ts';
import { collectionErrors } from '#lib/components/builder/collection-errors.ts';
import type { Actions, PageServerLoad } from './$types';

/** Which kind of instrument a template makes, so the form can suggest it. */
const templateKinds: Record<string, (typeof instrumentKinds)[number]> = {
	'customer-service-survey': 'survey',
	'staff-survey-2018': 'staff_survey',
	'training-day-feedback': 'feedback',
	'customer-promise-pulse': 'pulse'
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'study.view')) error(403, { message: m.studies_forbidden_view() });
	const instruments = await listInstruments(locals.ctx, actor, { includeArchived: url.searchParams.get('archived') === '1' });
	return {
		instruments,
		canManage: canAnywhere(actor, 'study.manage'),
		templates: instrumentTemplates.map((template) => ({ key: template.key, source: template.source }))
	};
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const form = await request.formData();
		const values = Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
		const templateKey = values.templateKey || null;
		const kind = values.kind || (templateKey ? templateKinds[templateKey] : undefined) || 'survey';
		let key: string;
		try {
			({
				instrument: { key }
			} = await createInstrument(locals.ctx, actor, {
				key: values.key ?? '',
				name: readText(values, 'name') ?? {},
				kind: kind as (typeof instrumentKinds)[number],
				templateKey
			}));
		} catch (caught) {
			if (isAppError(caught) && (caught.kind === 'invalid' || caught.kind === 'conflict'))
				return fail(400, { errors: collectionErrors(caught, { name: 'name.fi' }), values });
			throw caught;
		}
		redirect(303, `/instruments/${key}?done=created`);
	}
};
