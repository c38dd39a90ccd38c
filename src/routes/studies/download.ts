import type { Language } from '#lib/core/instrument/localized-text.ts';
import { m } from '#lib/paraglide/messages.js';
import type { PaperFormInput } from '#lib/server/print/paper-form.ts';

/**
 * Route glue for printed and downloaded files: the response with its content type and an
 * attachment name, and the words of the paper form in the form's language (not the page's).
 */
export function download(body: Uint8Array | string, type: string, filename: string): Response {
	const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${safe}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

export function paperLabels(language: Language, footer?: string): PaperFormInput['labels'] {
	const locale = { locale: language };
	return {
		chooseOne: m.studies_paper_choose_one({}, locale),
		chooseAny: m.studies_paper_choose_any({}, locale),
		answerIf: (numbers: string) => m.studies_paper_answer_if({ numbers }, locale),
		...(footer ? { footer } : {})
	};
}

export const bcp47: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
