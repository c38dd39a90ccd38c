import type { Language } from '#lib/core/instrument/localized-text.ts';
import { m } from '#lib/paraglide/messages.js';
import type { RespondProblem } from './view-types.ts';

/** The sentence a respondent reads when the service refuses a submit for a reason other than an answer. */
export function problemText(code: RespondProblem, lang: Language): string {
	const o = { locale: lang };
	switch (code) {
		case 'round_not_open':
			return m.respond_problem_round_not_open({}, o);
		case 'round_closed':
			return m.respond_problem_round_closed({}, o);
		case 'already_answered':
			return m.respond_problem_already_answered({}, o);
		case 'invalid_submission_id':
			return m.respond_problem_invalid_submission_id({}, o);
		case 'token_required':
			return m.respond_problem_token_required({}, o);
		case 'token_invalid':
			return m.respond_problem_token_invalid({}, o);
		case 'token_used':
			return m.respond_problem_token_used({}, o);
		case 'resume_code_invalid':
			return m.respond_problem_resume_code_invalid({}, o);
	}
}
