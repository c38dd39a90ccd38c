import { json } from '@sveltejs/kit';
import { submitResponse } from '#lib/server/services/collection/submit-response.ts';
import { acceptedLocale, answersToValues, appErrorJson, errorJson, modeParam } from '../../../api-support.ts';
import type { RequestHandler } from './$types';

/**
 * Submits one response as JSON: `{ submissionId, language, answers: { "<field>": value | [values] },
 * token? }`, the same fields, checks and idempotency as the form. 201 when stored, 200 with the
 * same ids when that submission id was stored before, 400 with localised `issues`. No
 * authentication; no rate limit yet (see docs/adr/0011). See openapi.ts.
 */
export const POST: RequestHandler = async ({ params, url, request, locals }) => {
	const locale = acceptedLocale(request.headers.get('accept-language'));
	const mode = modeParam(url);
	if (!mode) return errorJson(400, 'invalid_input', locale);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return errorJson(400, 'invalid_input', locale);
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return errorJson(400, 'invalid_input', locale);
	const { submissionId, language, answers, token } = body as Record<string, unknown>;
	try {
		const result = await submitResponse(locals.ctx, {
			collector: { mode, slug: params.slug },
			submissionId: typeof submissionId === 'string' ? submissionId : '',
			values: answersToValues(answers),
			language: typeof language === 'string' ? language : locale,
			token: typeof token === 'string' ? token : null
		});
		return json(
			{ responseId: result.responseId, submissionId: (submissionId as string).toLowerCase() },
			{ status: result.created ? 201 : 200, headers: { 'cache-control': 'no-store' } }
		);
	} catch (error) {
		return appErrorJson(error, locale);
	}
};
