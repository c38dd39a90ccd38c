import { error } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import { instrumentLanguages, localize } from '#lib/core/instrument/localized-text.ts';
import { m } from '#lib/paraglide/messages.js';
import { requireActor, rethrowAsHttp } from '../../../account-guard.ts';
import { toCsv } from '#lib/server/print/csv.ts';
import { tokenSlipsPdf } from '#lib/server/print/token-slips.ts';
import { issueTokens } from '#lib/server/services/collection/issue-tokens.ts';
import { viewStudy } from '#lib/server/services/collection/view-study.ts';
import { errorText } from '#lib/components/account/error-text.ts';
import { bcp47, download } from '../../download.ts';
import type { RequestHandler } from './$types';

/**
 * Issues one-time tokens and returns them at once as slips (PDF) or a mail-merge CSV. The plaintext
 * exists only in this response: nothing stores it, so the file is the one copy (ADR 0012). A plain
 * form POST (no `use:enhance`), so the browser saves the file and the page stays.
 */
export const POST: RequestHandler = async ({ request, locals, url, params }) => {
	const actor = requireActor(locals, url);
	const form = await request.formData();
	const detail = await viewStudy(locals.ctx, actor, params.key).catch(rethrowAsHttp);
	const round = detail.rounds.find((candidate) => String(candidate.id) === form.get('roundId'));
	if (!round) error(404, { message: m.studies_round_not_found() });
	const language = instrumentLanguages.find((candidate) => candidate === form.get('language')) ?? 'fi';
	let tokens: string[];
	let batch: number;
	try {
		({ tokens, batch } = await issueTokens(locals.ctx, actor, { studyId: detail.study.id, roundId: round.id, count: String(form.get('count') ?? '') }));
	} catch (caught) {
		if (isAppError(caught) && caught.kind === 'invalid') error(400, { message: caught.code === 'invalid_input' ? m.studies_tokens_count_invalid() : errorText(caught.code) });
		rethrowAsHttp(caught);
	}
	const survey = detail.collectors.find((collector) => !collector.archivedAt && collector.mode === 'survey');
	if (!survey) error(409, { message: m.studies_tokens_need_collector() });
	const address = `${url.origin}${survey.path}`;
	const tokenUrl = (token: string) => `${address}?t=${encodeURIComponent(token)}`;
	const title = localize(detail.study.name, language, 'fi');
	const filename = `${detail.study.key}-${round.key}-tokens-${batch}`;
	const locale = { locale: language };
	if (form.get('format') === 'csv') {
		const rows = [[m.studies_tokens_csv_token({}, locale), m.studies_tokens_csv_address({}, locale), m.studies_tokens_csv_link({}, locale)], ...tokens.map((token) => [token, address, tokenUrl(token)])];
		return download(toCsv(rows), 'text/csv; charset=utf-8', `${filename}.csv`);
	}
	const bytes = await tokenSlipsPdf({
		title,
		lang: bcp47[language],
		instruction: m.studies_tokens_slip_instruction({}, locale),
		shortUrl: address.replace(/^https?:\/\//, ''),
		tokenUrl,
		labels: { address: m.studies_tokens_slip_address({}, locale), token: m.studies_tokens_slip_token({}, locale) },
		tokens
	});
	return download(bytes, 'application/pdf', `${filename}.pdf`);
};
