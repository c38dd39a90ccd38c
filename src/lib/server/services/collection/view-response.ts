import { describeAnswers, type DescribedItem } from '#lib/core/collection/describe-answers.ts';
import { unflattenFacets } from '#lib/core/instrument/facets.ts';
import type { Language } from '#lib/core/instrument/localized-text.ts';
import { localDate } from '#lib/core/local-date.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { listAnswerFacets, type ResponseRow } from '#lib/server/db/responses.ts';
import { listStudyLibraryOptions } from '#lib/server/db/studies.ts';
import type { Deps } from '../deps.ts';
import { publishedInstrument } from './published-instruments.ts';
import { loadResponseFor } from './response-access.ts';

/**
 * One raw response for coordinators and admins, read against the instrument version it was
 * answered in and worded in `locale`. Never in a confidential study (`study_confidential`).
 */
export async function viewResponse(
	deps: Deps,
	actor: Actor,
	responseId: number,
	locale: Language
): Promise<{ response: Omit<ResponseRow, 'answerDigest'>; items: DescribedItem[] }> {
	const now = deps.now();
	const { response } = await loadResponseFor(deps.db, actor, 'response.view', responseId, now);
	const [instrument, facets, libraries] = await Promise.all([
		publishedInstrument(deps.db, response.instrumentVersionId),
		listAnswerFacets(deps.db, response.id),
		listStudyLibraryOptions(deps.db, response.studyId, localDate(response.submittedAt))
	]);
	const sources = { libraries: libraries.map((library) => ({ code: library.key, label: { fi: library.nameFi, ...(library.nameSv ? { sv: library.nameSv } : {}) } })) };
	const { answerDigest: _digest, ...meta } = response;
	return { response: meta, items: describeAnswers(instrument, unflattenFacets(instrument, facets), locale, sources) };
}
