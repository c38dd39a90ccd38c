import { redirect } from '@sveltejs/kit';
import { readText, writeText, type FormRecord } from '#lib/core/instrument/builder/form-record.ts';
import { setSettings } from '#lib/core/instrument/builder/text-ops.ts';
import { instrumentLanguages, type BaseLanguage } from '#lib/core/instrument/localized-text.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import { loadBuilder, requireEditable, saveResult } from '../../builder-route.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const state = await loadBuilder(locals, url, params.key);
	const instrument = requireEditable(state);
	const values: FormRecord = { baseLanguage: instrument.baseLanguage, languages: [...instrument.languages] };
	writeText(values, 'title', instrument.title);
	writeText(values, 'description', instrument.description);
	return { instrumentKey: state.view.instrument.key, instrumentName: state.view.instrument.name, values, baseLanguage: instrument.baseLanguage, offered: instrument.languages };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const values = formDataToRecord(await request.formData());
		const baseLanguage: BaseLanguage = values.baseLanguage === 'sv' ? 'sv' : 'fi';
		const chosen = Array.isArray(values.languages) ? values.languages : values.languages ? [values.languages] : [];
		const result = setSettings(requireEditable(state), {
			title: readText(values, 'title') ?? {},
			description: readText(values, 'description'),
			baseLanguage,
			languages: instrumentLanguages.filter((language) => chosen.includes(language))
		});
		const failed = await saveResult(locals, state, result, 'settings', values);
		if (failed) return failed;
		redirect(303, `/instruments/${params.key}?done=saved`);
	}
};
