import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { archiveStudy } from '#lib/server/services/collection/archive-study.ts';
import { updateStudy } from '#lib/server/services/collection/update-study.ts';
import { studyScopeChoices } from '#lib/server/services/study-scope-choices.ts';
import { writeText, type FormRecord } from '#lib/core/instrument/builder/form-record.ts';
import { rethrowAsHttp } from '../../../account-guard.ts';
import { failWith, formValues, loadStudy } from '../../study-route.ts';
import { readStudyForm, studyFieldRename } from '../../study-form.ts';
import type { Actions, PageServerLoad } from './$types';

async function manage(locals: App.Locals, url: URL, key: string) {
	const loaded = await loadStudy(locals, url, key);
	if (!loaded.detail.permissions.manage) error(403, { message: m.studies_forbidden_manage() });
	return loaded;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor, detail } = await manage(locals, url, params.key);
	const choices = await studyScopeChoices(locals.ctx, actor);
	// Units already in the scope stay listed even if the actor could not add them today.
	for (const unit of detail.scope) {
		const list = unit.type === 'network' ? choices.networks : unit.type === 'municipality' ? choices.municipalities : choices.libraries;
		if (!list.some((candidate) => candidate.id === unit.id)) list.push({ id: unit.id, key: unit.key, nameFi: unit.nameFi, nameSv: unit.nameSv });
	}
	const values: FormRecord = {
		scope: detail.scope.map((unit) => `${unit.type}:${unit.id}`),
		confidential: detail.study.confidential ? 'on' : '',
		usesTokens: detail.study.usesTokens ? 'on' : '',
		onePerDevice: detail.study.onePerDevice ? 'on' : ''
	};
	writeText(values, 'name', detail.study.name);
	return { study: detail.study, permissions: detail.permissions, choices, values };
};

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const { actor, detail } = await manage(locals, url, params.key);
		const values = formValues(await request.formData());
		try {
			await updateStudy(locals.ctx, actor, detail.study.id, readStudyForm(values));
		} catch (caught) {
			return failWith(caught, 'study', values, studyFieldRename);
		}
		redirect(303, `/studies/${params.key}?done=saved`);
	},
	archive: async ({ locals, url, params }) => {
		const { actor, detail } = await manage(locals, url, params.key);
		await archiveStudy(locals.ctx, actor, detail.study.id).catch(rethrowAsHttp);
		redirect(303, '/studies');
	}
};
