import type { RequestEvent } from '@sveltejs/kit';
import { burstRuleApplies } from '#lib/core/collection/burst.ts';
import type { CollectorMode } from '#lib/core/collection/collectors.ts';
import { formatCode, normaliseCode } from '#lib/core/collection/codes.ts';
import { issueSubmissionId } from '#lib/server/services/collection/issue-submission-id.ts';
import type { PageState, SurveyPageData } from '#lib/components/respond/view-types.ts';
import { hasAnswered, openRespondentPage, pageCacheHeaders } from './respondent.server.ts';

/**
 * The data of a survey, kiosk or pulse page: the collector's instrument in the page's language,
 * a fresh submission id, and what to show (the form, the token entry, a closed round, a polite
 * refusal). Also used by the resume page, which shows the same form filled with saved answers.
 */
export async function loadSurveyPage(event: RequestEvent, mode: CollectorMode, options: { linkPath?: string } = {}): Promise<SurveyPageData> {
	// The page cache (page-cache.ts) has read the page's data already when it renders a template.
	const data = event.locals.surveyPage ?? (await surveyPageData(event, mode, options));
	event.locals.surveyPage = undefined;
	event.setHeaders(pageCacheHeaders);
	return data;
}

/** The data of a survey, kiosk or pulse page, without touching the response's headers. */
export async function surveyPageData(event: RequestEvent, mode: CollectorMode, options: { linkPath?: string } = {}): Promise<SurveyPageData> {
	const linkToken = event.url.searchParams.get('t')?.trim() ?? '';
	const page = await openRespondentPage(event, mode, { remember: true, keep: { t: linkToken || null }, ...options });
	const { view } = page;

	const code = linkToken ? normaliseCode(linkToken) : undefined;
	const guard = mode !== 'kiosk' && view.collector.channel !== 'kiosk' && burstRuleApplies(view.collector.channel);
	const answered = guard && hasAnswered(event.cookies, view.round?.id);
	let state: PageState = view.status;
	if (state === 'open' && answered && view.study.onePerDevice) state = 'refused';
	else if (state === 'open' && view.study.usesTokens && !code) state = 'token';

	return {
		shell: page.shell,
		instrument: view.instrument,
		sources: view.optionSources,
		state,
		submissionId: issueSubmissionId(),
		roundId: view.round?.id ?? null,
		guard,
		usesTokens: view.study.usesTokens,
		token: code ? formatCode(code) : '',
		tokenMalformed: linkToken !== '' && !code,
		answeredBefore: answered && event.url.searchParams.get('again') === null,
		resumable: mode === 'survey',
		values: {},
		opensAt: view.status === 'not_yet_open' && view.round ? view.round.opensAt.toISOString() : null
	};
}
