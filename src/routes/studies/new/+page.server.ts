import { error, redirect } from '@sveltejs/kit';
import { canAnywhere } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor } from '../../account-guard.ts';
import { createStudy } from '#lib/server/services/collection/create-study.ts';
import { listInstruments } from '#lib/server/services/collection/list-instruments.ts';
import { studyScopeChoices } from '#lib/server/services/study-scope-choices.ts';
import { failWith, formValues } from '../study-route.ts';
import { readStudyForm, studyFieldRename } from '../study-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'study.manage')) error(403, { message: m.studies_forbidden_manage() });
	const [choices, instruments] = await Promise.all([studyScopeChoices(locals.ctx, actor), listInstruments(locals.ctx, actor)]);
	const chosen = url.searchParams.get('instrument');
	return {
		choices,
		instruments: instruments.map((instrument) => ({ id: instrument.id, key: instrument.key, name: instrument.name, published: Boolean(instrument.latestPublished) })),
		values: { instrumentId: String(instruments.find((instrument) => instrument.key === chosen)?.id ?? '') }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const values = formValues(await request.formData());
		let key: string;
		try {
			({ key } = await createStudy(locals.ctx, actor, {
				...readStudyForm(values),
				key: String(values.key ?? '').trim(),
				instrumentId: Number(values.instrumentId) || 0
			}));
		} catch (caught) {
			return failWith(caught, 'study', values, studyFieldRename);
		}
		redirect(303, `/studies/${key}?done=created`);
	}
};
