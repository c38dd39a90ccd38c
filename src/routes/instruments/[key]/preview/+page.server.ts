import { error } from '@sveltejs/kit';
import { instrumentLanguages, type Language } from '#lib/core/instrument/localized-text.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { loadBuilder } from '../../builder-route.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const state = await loadBuilder(locals, url, params.key);
	const instrument = state.editable;
	if (!instrument) error(409, { message: m.studies_builder_draft_broken() });
	const asked = url.searchParams.get('lang');
	const wanted = instrumentLanguages.find((language) => language === asked) ?? (getLocale() as Language);
	const language = instrument.languages.includes(wanted) ? wanted : instrument.baseLanguage;
	return { instrumentKey: state.view.instrument.key, instrumentName: state.view.instrument.name, instrument, language, isDraft: Boolean(state.view.draft) };
};
