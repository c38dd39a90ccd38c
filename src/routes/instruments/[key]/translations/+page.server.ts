import { fail, redirect } from '@sveltejs/kit';
import { setTexts, type TextChange } from '#lib/core/instrument/builder/text-ops.ts';
import { one } from '#lib/core/instrument/builder/form-record.ts';
import { instrumentLanguages } from '#lib/core/instrument/localized-text.ts';
import { paperLayout } from '#lib/core/instrument/paper/paper-layout.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import { instrumentTexts } from '#lib/core/instrument/texts.ts';
import { issueErrors, loadBuilder, requireEditable, saveResult } from '../../builder-route.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const state = await loadBuilder(locals, url, params.key);
	const instrument = requireEditable(state);
	return {
		instrumentKey: state.view.instrument.key,
		instrumentName: state.view.instrument.name,
		texts: instrumentTexts(instrument),
		offered: instrument.languages,
		baseLanguage: instrument.baseLanguage,
		numbers: Object.fromEntries(paperLayout(instrument).map((entry) => [entry.item.id, entry.number])),
		onlyMissing: url.searchParams.get('missing') === '1'
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const state = await loadBuilder(locals, url, params.key);
		const instrument = requireEditable(state);
		const values = formDataToRecord(await request.formData());
		// Fields are named `<path>.<language>`; only texts that were on the page and changed are set.
		const changes: TextChange[] = [];
		for (const place of instrumentTexts(instrument)) {
			for (const language of instrumentLanguages) {
				const name = `${place.path}.${language}`;
				if (!Object.hasOwn(values, name)) continue;
				const value = one(values, name);
				if (value !== (place.text[language] ?? '').trim()) changes.push({ path: place.path, language, value });
			}
		}
		const result = setTexts(instrument, changes);
		if (!result.ok) {
			const errors = issueErrors(result.issues, (issue) => (Object.hasOwn(values, `${issue.path}.${instrument.baseLanguage}`) ? `${issue.path}.${instrument.baseLanguage}` : undefined));
			return fail(400, { form: 'translations', errors, values });
		}
		const failed = await saveResult(locals, state, result, 'translations', values);
		if (failed) return failed;
		redirect(303, `/instruments/${params.key}/translations?done=saved${url.searchParams.get('missing') === '1' ? '&missing=1' : ''}`);
	}
};
