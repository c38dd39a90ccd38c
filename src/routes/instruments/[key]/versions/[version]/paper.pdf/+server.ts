import { error } from '@sveltejs/kit';
import { instrumentLanguages } from '#lib/core/instrument/localized-text.ts';
import { canAnywhere } from '#lib/core/permissions.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '../../../../../account-guard.ts';
import { paperFormPdf } from '#lib/server/print/paper-form.ts';
import { getInstrumentVersion } from '#lib/server/services/collection/get-instrument-version.ts';
import { viewInstrument } from '#lib/server/services/collection/view-instrument.ts';
import { download, paperLabels } from '../../../../../studies/download.ts';
import type { RequestHandler } from './$types';

/** The paper version of one instrument version as a PDF, in `?lang=` (default the base language). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	if (!canAnywhere(actor, 'study.view')) error(403, { message: m.studies_forbidden_view() });
	const view = await viewInstrument(locals.ctx, actor, params.key).catch(rethrowAsHttp);
	const summary = view.versions.find((version) => String(version.version) === params.version);
	if (!summary) error(404, { message: m.studies_version_not_found() });
	const { definition } = await getInstrumentVersion(locals.ctx, actor, summary.id).catch(rethrowAsHttp);
	if (!definition) error(409, { message: m.studies_builder_draft_broken() });
	const asked = instrumentLanguages.find((language) => language === url.searchParams.get('lang'));
	const language = asked && definition.languages.includes(asked) ? asked : definition.baseLanguage;
	const bytes = await paperFormPdf({ instrument: definition, language, labels: paperLabels(language, `${params.key} · v${summary.version}`) });
	return download(bytes, 'application/pdf', `${params.key}-v${summary.version}-${language}.pdf`);
};
