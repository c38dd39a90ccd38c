import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import type { SubmissionIssue } from '#lib/core/instrument/submission-issues.ts';
import type { FormValues } from './form-state.ts';
import type { ShellData } from './shell.ts';

/**
 * What a survey, kiosk or pulse page shows:
 * - `open`: the form;
 * - `token`: a closed population's page without a one-time code yet: the code entry form;
 * - `refused`: a one-response-per-device study this browser has answered already;
 * - `not_yet_open`, `closed`: the round's state, no form.
 */
export type PageState = 'open' | 'token' | 'refused' | 'not_yet_open' | 'closed';

export interface SurveyPageData {
	shell: ShellData;
	instrument: Instrument;
	sources: OptionSources;
	state: PageState;
	/** Issued by the server for this rendering of the form (hidden field `submissionId`). */
	submissionId: string;
	/** The round the form belongs to, for the repeat guard cookie; null without a round. */
	roundId: number | null;
	/** Whether this collector sets the repeat guard cookie after a submit (public links only). */
	guard: boolean;
	usesTokens: boolean;
	/** The one-time code from the link (`?t=`) or the entry form, formatted; '' when none. */
	token: string;
	/** The code in the link cannot be a code at all (wrong length or characters). */
	tokenMalformed: boolean;
	/** The repeat guard cookie says this browser answered the round already ("answer again?"). */
	answeredBefore: boolean;
	/** Partial save and resume are offered (the survey page; not kiosks, not the pulse). */
	resumable: boolean;
	values: FormValues;
	/** When a round that is not open yet opens (ISO), for the page to say so. */
	opensAt: string | null;
}

/** A service error a respondent can see, by code (messages `error_<code>` of the collection area). */
export type RespondProblem =
	| 'round_not_open'
	| 'round_closed'
	| 'already_answered'
	| 'invalid_submission_id'
	| 'token_required'
	| 'token_invalid'
	| 'token_used'
	| 'resume_code_invalid';

/** What the form actions hand back (`fail(…)` or a success that shows the form again). */
export interface FormResult {
	values?: FormValues;
	submissionId?: string;
	language?: string;
	token?: string;
	resumeCode?: string;
	issues?: SubmissionIssue[];
	problem?: RespondProblem;
	/** Partial save succeeded: the code to write down and when it expires (ISO). */
	saved?: { code: string; expiresAt: string };
	/** Pulse: the tap was made, show the follow-up step. */
	step?: 2;
	/** A resume code was accepted: the form is shown with the saved answers. */
	resumed?: boolean;
}
