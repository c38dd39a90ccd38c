import { error } from '@sveltejs/kit';
import { instrumentLanguages, localize, type Language } from '#lib/core/instrument/localized-text.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '../../../../account-guard.ts';
import type { PosterInput } from '#lib/server/print/poster.ts';
import { viewStudy } from '#lib/server/services/collection/view-study.ts';
import { bcp47 } from '../../../download.ts';

/**
 * What a collector's poster says, in the languages asked for (`?lang=fi&lang=sv`, in that order;
 * default the page's language): the library's name, a call to action, the address.
 */
export async function posterInput(locals: App.Locals, url: URL, key: string, id: string): Promise<{ input: PosterInput; filename: string }> {
	const actor = requireActor(locals, url);
	const detail = await viewStudy(locals.ctx, actor, key).catch(rethrowAsHttp);
	const collector = detail.collectors.find((candidate) => String(candidate.id) === id);
	if (!collector) error(404, { message: m.studies_collector_not_found() });
	const asked = url.searchParams.getAll('lang').flatMap((value) => instrumentLanguages.filter((language) => language === value));
	const languages: Language[] = asked.length ? [...new Set(asked)] : ['fi', 'sv'];
	const first = languages[0]!;
	const address = `${url.origin}${collector.path}`;
	const library = (first === 'sv' && collector.libraryNameSv) || collector.libraryNameFi || localize(detail.study.name, first, 'fi');
	return {
		input: {
			libraryName: library,
			url: address,
			shortUrl: address.replace(/^https?:\/\//, ''),
			title: `${localize(detail.study.name, first, 'fi')} – ${library}`,
			texts: languages.map((language) => ({
				lang: bcp47[language],
				heading: m.studies_poster_heading({}, { locale: language }),
				body: m.studies_poster_body({}, { locale: language })
			}))
		},
		filename: `${detail.study.key}-${collector.slug}-poster`
	};
}
