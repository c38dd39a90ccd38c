import { error, redirect } from '@sveltejs/kit';
import { readText, writeText, type FormRecord } from '#lib/core/instrument/builder/form-record.ts';
import { updateSection } from '#lib/core/instrument/builder/structure-ops.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import { m } from '#lib/paraglide/messages.js';
import { loadBuilder, requireEditable, saveResult } from '../../../builder-route.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const state = await loadBuilder(locals, url, params.key);
	const instrument = requireEditable(state);
	const index = instrument.sections.findIndex((section) => section.id === params.sectionId);
	if (index === -1) error(404, { message: m.studies_builder_item_not_found() });
	const section = instrument.sections[index]!;
	const values: FormRecord = {};
	writeText(values, 'title', section.title);
	writeText(values, 'intro', section.intro);
	return { instrumentKey: state.view.instrument.key, number: index + 1, values, baseLanguage: instrument.baseLanguage, offered: instrument.languages, sectionId: section.id };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const values = formDataToRecord(await request.formData());
		const result = updateSection(requireEditable(state), params.sectionId, { title: readText(values, 'title') ?? {}, intro: readText(values, 'intro') });
		const failed = await saveResult(locals, state, result, 'section', values);
		if (failed) return failed;
		redirect(303, `/instruments/${params.key}?done=saved#section-${params.sectionId}`);
	}
};
