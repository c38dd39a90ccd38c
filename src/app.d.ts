import type { Actor } from '#lib/core/permissions.ts';
import type { AppContext } from '#lib/server/context.ts';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Correlates what the user sees with the log line. */
			errorId?: string;
		}
		interface Locals {
			ctx: AppContext;
			actor: Actor | null;
			/** The raw session token, for logout and "end other sessions". */
			sessionToken: string | null;
			/** Origins allowed to embed this response (respondent pages); default: none. */
			frameAncestors?: string[];
			/** `<html lang>` of a respondent page (fi, sv or en), when it is not the UI language. */
			htmlLang?: 'fi' | 'sv' | 'en';
			/** A survey, kiosk or pulse page's data, read by the respondent page cache before rendering. */
			surveyPage?: import('#lib/components/respond/view-types.ts').SurveyPageData;
		}
	}
}

export {};
