import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { respondentPath, type CollectorMode } from '#lib/core/collection/collectors.ts';
import { formatCode, normaliseCode } from '#lib/core/collection/codes.ts';
import { AppError, isAppError } from '#lib/core/errors.ts';
import { formDataToRecord } from '#lib/core/instrument/raw-form.ts';
import type { SubmissionIssue } from '#lib/core/instrument/submission-issues.ts';
import { m } from '#lib/paraglide/messages.js';
import { issueSubmissionId } from '#lib/server/services/collection/issue-submission-id.ts';
import { resumeProgress } from '#lib/server/services/collection/resume-progress.ts';
import { saveProgress } from '#lib/server/services/collection/save-progress.ts';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { answerValues, type FormValues } from '#lib/components/respond/form-state.ts';
import type { FormResult, RespondProblem } from '#lib/components/respond/view-types.ts';
import { doneCookie, isLanguage, markAnswered, rememberLanguage } from './respondent.server.ts';

/**
 * The form actions of the survey, kiosk and pulse pages. A submit goes straight to the service
 * (one collector lookup on the happy path); only a refused submit renders the page again, with
 * every answer, the same submission id and the issues, which the page turns into the error
 * summary and per-field messages. The thank-you comes only after the service has committed.
 */
interface Posted {
	values: FormValues;
	submissionId: string;
	language: string;
	token: string;
	resumeCode: string;
	/** The round the form was rendered for; set only where the repeat guard applies. */
	round: string;
	/** The language button that submitted the form (`lang` action). */
	chosenLanguage: string;
}

async function readPosted(request: Request): Promise<Posted> {
	const raw = formDataToRecord(await request.formData());
	const text = (name: string) => {
		const value = raw[name];
		return typeof value === 'string' ? value.trim() : '';
	};
	return {
		values: answerValues(raw),
		submissionId: text('submissionId'),
		language: text('language'),
		token: text('token'),
		resumeCode: text('resumeCode'),
		round: text('round'),
		chosenLanguage: text('lang')
	};
}

/** What goes back to the page so nothing typed is lost. */
function echo(posted: Posted): FormResult {
	return {
		values: posted.values,
		submissionId: posted.submissionId,
		language: posted.language,
		token: posted.token,
		resumeCode: posted.resumeCode
	};
}

const problems = new Set<string>(['round_not_open', 'round_closed', 'already_answered', 'token_required', 'token_invalid', 'token_used']);

async function submit(event: RequestEvent, mode: CollectorMode, posted: Posted) {
	const { locals, cookies } = event;
	const slug = event.params.slug ?? '';
	const base = respondentPath(mode, slug);
	if (isLanguage(posted.language)) locals.htmlLang = posted.language;
	try {
		await submitResponse(locals.ctx, {
			collector: { mode, slug },
			submissionId: posted.submissionId,
			values: posted.values,
			language: posted.language,
			token: posted.token || null,
			resumeCode: posted.resumeCode || null,
			deviceHasAnswered: posted.round !== '' && cookies.get(doneCookie) === posted.round
		});
	} catch (caught) {
		if (!isAppError(caught)) throw caught;
		if (caught.code === 'submission_invalid') {
			return fail(400, { ...echo(posted), issues: caught.details.issues as SubmissionIssue[] } satisfies FormResult);
		}
		if (caught.code === 'invalid_submission_id') {
			return fail(400, { ...echo(posted), submissionId: issueSubmissionId(), problem: 'invalid_submission_id' } satisfies FormResult);
		}
		if (problems.has(caught.code)) {
			return fail(caught.kind === 'conflict' ? 409 : 400, { ...echo(posted), problem: caught.code as RespondProblem } satisfies FormResult);
		}
		if (caught.kind === 'not_found') error(404, m.respond_not_found());
		throw caught;
	}
	if (posted.round !== '') markAnswered(cookies, base, posted.round, locals.ctx.config.secureCookies);
	const lang = isLanguage(posted.language) ? `?lang=${posted.language}` : '';
	redirect(303, `${base}/thanks${lang}`);
}

async function save(event: RequestEvent, mode: CollectorMode, posted: Posted) {
	const { locals } = event;
	if (isLanguage(posted.language)) locals.htmlLang = posted.language;
	const collector = { mode, slug: event.params.slug ?? '' };
	const input = { collector, values: posted.values, language: posted.language };
	try {
		let saved;
		try {
			saved = await saveProgress(locals.ctx, { ...input, code: posted.resumeCode || null });
		} catch (caught) {
			// The code the form carried has expired meanwhile: save under a new one.
			if (!(isAppError(caught) && caught.code === 'resume_code_invalid' && posted.resumeCode)) throw caught;
			saved = await saveProgress(locals.ctx, input);
		}
		return { ...echo(posted), resumeCode: saved.code, saved: { code: saved.code, expiresAt: saved.expiresAt.toISOString() } } satisfies FormResult;
	} catch (caught) {
		if (isAppError(caught) && (caught.code === 'round_not_open' || caught.code === 'round_closed')) {
			return fail(409, { ...echo(posted), problem: caught.code } satisfies FormResult);
		}
		if (isAppError(caught) && caught.kind === 'not_found') error(404, m.respond_not_found());
		throw caught;
	}
}

/** The language buttons submit the form here: the page comes back in that language with every answer. */
function language(event: RequestEvent, posted: Posted) {
	const chosen = posted.chosenLanguage;
	if (isLanguage(chosen)) {
		rememberLanguage(event.cookies, chosen, event.locals.ctx.config.secureCookies);
		event.locals.htmlLang = chosen;
		return { ...echo(posted), language: chosen } satisfies FormResult;
	}
	return echo(posted);
}

export function respondActions(mode: CollectorMode) {
	return {
		submit: async (event: RequestEvent) => submit(event, mode, await readPosted(event.request)),
		save: async (event: RequestEvent) => save(event, mode, await readPosted(event.request)),
		lang: async (event: RequestEvent) => language(event, await readPosted(event.request)),
		/** Pulse, step 1 without JavaScript: the tap is kept in the follow-up form; nothing is stored yet. */
		tap: async (event: RequestEvent) => {
			const posted = await readPosted(event.request);
			if (isLanguage(posted.language)) event.locals.htmlLang = posted.language;
			return { ...echo(posted), step: 2 } satisfies FormResult;
		}
	};
}

/** The resume page: a resume code → the form again with the saved answers (a fresh submission id). */
export async function resumeAction(event: RequestEvent, mode: CollectorMode) {
	const form = await event.request.formData();
	const typed = String(form.get('code') ?? '').trim();
	const language = String(form.get('language') ?? '');
	if (isLanguage(language)) event.locals.htmlLang = language;
	const code = normaliseCode(typed);
	try {
		if (!code) throw new AppError('not_found', 'resume_code_invalid', 'Not a resume code.');
		const saved = await resumeProgress(event.locals.ctx, { collector: { mode, slug: event.params.slug ?? '' }, code });
		event.locals.htmlLang = saved.language;
		return {
			resumed: true,
			values: saved.values,
			language: saved.language,
			resumeCode: formatCode(code),
			submissionId: issueSubmissionId()
		} satisfies FormResult;
	} catch (caught) {
		if (isAppError(caught) && caught.code === 'resume_code_invalid') {
			return fail(400, { problem: 'resume_code_invalid', values: { code: typed } } satisfies FormResult);
		}
		if (isAppError(caught) && caught.kind === 'not_found') error(404, m.respond_not_found());
		throw caught;
	}
}
