import { error } from '@sveltejs/kit';
import { modePathPrefix, type CollectorMode } from '#lib/core/collection/collectors.ts';
import { localize } from '#lib/core/instrument/localized-text.ts';
import { m } from '#lib/paraglide/messages.js';
import { openRespondentPage } from '../../../respondent.server.ts';
import type { PageServerLoad } from './$types';

/**
 * `/privacy/s/demo`: the privacy notice of the organisation behind the collector `/s/demo`. The
 * mode is part of the address because a slug is unique only within its mode (`/s/demo`,
 * `/k/demo` and `/p/demo` are three collectors, possibly of different libraries).
 */
export const load: PageServerLoad = async (event) => {
	const mode = (Object.keys(modePathPrefix) as CollectorMode[]).find((candidate) => modePathPrefix[candidate] === event.params.mode);
	if (!mode) error(404, m.respond_not_found());
	const { view, lang, shell } = await openRespondentPage(event, mode, { linkPath: event.url.pathname });
	const { controller, purpose, retention, contact } = view.privacyNotice;
	return {
		shell,
		notice: { controller, purpose, retention, contact },
		survey: localize(view.instrument.title, lang, view.baseLanguage),
		back: `${shell.base}?lang=${lang}`
	};
};
