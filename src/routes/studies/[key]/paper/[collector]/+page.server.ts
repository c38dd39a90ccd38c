import { error, fail, redirect } from '@sveltejs/kit';
import { isAppError } from '#lib/core/errors.ts';
import type { SubmissionIssue } from '#lib/core/instrument/submission-issues.ts';
import { fieldName } from '#lib/core/instrument/field-names.ts';
import { instrumentLanguages } from '#lib/core/instrument/localized-text.ts';
import { paperEntryToRaw } from '#lib/core/instrument/paper/paper-entry.ts';
import { paperLayout } from '#lib/core/instrument/paper/paper-layout.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import { m } from '#lib/paraglide/messages.js';
import { rethrowAsHttp } from '../../../../account-guard.ts';
import { issueSubmissionId } from '#lib/server/services/collection/issue-submission-id.ts';
import { openCollectorForRespondent } from '#lib/server/services/collection/open-collector-for-respondent.ts';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { errorText } from '#lib/components/account/error-text.ts';
import { entryIssueText } from '#lib/components/builder/entry-issues.ts';
import { loadStudy } from '../../../study-route.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Paper entry: staff type in paper forms, keyboard first, in the order and numbering of the printed
 * form. Each form carries a submission id issued with the page, so a double Enter stores one
 * response; the running count of this session travels in the address (`?entered=`).
 */
async function open(locals: App.Locals, url: URL, key: string, collectorId: string) {
	const { actor, detail } = await loadStudy(locals, url, key);
	if (!detail.permissions.enterResponses) error(403, { message: m.studies_forbidden_enter() });
	const collector = detail.collectors.find((candidate) => String(candidate.id) === collectorId && candidate.channel === 'paper' && !candidate.archivedAt);
	if (!collector) error(404, { message: m.studies_collector_not_found() });
	const view = await openCollectorForRespondent(locals.ctx, { id: collector.id }).catch(rethrowAsHttp);
	return { actor, detail, collector, view };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { detail, collector, view } = await open(locals, url, params.key, params.collector);
	return {
		study: detail.study,
		permissions: detail.permissions,
		collector: { id: collector.id, libraryNameFi: collector.libraryNameFi, libraryNameSv: collector.libraryNameSv },
		round: view.round,
		status: view.status,
		instrument: view.instrument,
		layout: paperLayout(view.instrument, view.optionSources),
		submissionId: issueSubmissionId(),
		entered: Math.max(0, Number(url.searchParams.get('entered')) || 0),
		duplicate: url.searchParams.get('duplicate') === '1'
	};
};

/** The field an issue points at, as the entry screen names it (LibQUAL N/A is typed in the levels). */
function entryField(issue: SubmissionIssue): string {
	return issue.field.endsWith('.na') ? fieldName(issue.itemId, 'minimum') : issue.field;
}

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const { actor, collector, view } = await open(locals, url, params.key, params.collector);
		const typed = formDataToRecord(await request.formData());
		const submissionId = String(typed.submissionId ?? '');
		const language = instrumentLanguages.find((candidate) => candidate === typed.language) ?? view.baseLanguage;
		const entered = Math.max(0, Number(url.searchParams.get('entered')) || 0);
		let created: boolean;
		try {
			({ created } = await submitResponse(locals.ctx, {
				collector: { id: collector.id },
				submissionId,
				values: paperEntryToRaw(paperLayout(view.instrument, view.optionSources), typed),
				language,
				enteredBy: actor
			}));
		} catch (caught) {
			if (isAppError(caught) && caught.code === 'submission_invalid') {
				const issues = (caught.details.issues ?? []) as SubmissionIssue[];
				const errors: Record<string, string> = {};
				for (const issue of issues) errors[entryField(issue)] ??= entryIssueText(issue);
				return fail(400, { errors, values: typed, submissionId });
			}
			if (isAppError(caught) && (caught.kind === 'invalid' || caught.kind === 'conflict'))
				return fail(400, { errors: { form: errorText(caught.code, caught.details) }, values: typed, submissionId });
			rethrowAsHttp(caught);
		}
		redirect(303, `${url.pathname}?entered=${created ? entered + 1 : entered}${created ? '' : '&duplicate=1'}&language=${language}`);
	}
};
