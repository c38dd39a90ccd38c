import { createHash } from 'node:crypto';
import { burstRule, burstRuleApplies, canonicalAnswers } from '#lib/core/collection/burst.ts';
import { isSubmissionId, normaliseCode } from '#lib/core/collection/codes.ts';
import { acceptsPaperEntry } from '#lib/core/collection/rounds.ts';
import { AppError } from '#lib/core/errors.ts';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import { instrumentLanguages, type Language } from '#lib/core/instrument/localized-text.ts';
import type { RawFormData } from '#lib/core/instrument/raw-form.ts';
import { localDate } from '#lib/core/local-date.ts';
import { can, type Actor } from '#lib/core/permissions.ts';
import { findResponseBySubmission, storeResponse } from '#lib/server/db/responses.ts';
import { tokenUsedInRound } from '#lib/server/db/response-tokens.ts';
import type { Deps } from '../deps.ts';
import { hashCode } from './codes.ts';
import { describeRef, loadCollectorContext, type CollectorContext, type CollectorRef } from './collector-context.ts';
import { collectorResources } from './study-access.ts';

export interface SubmitResponseInput {
	collector: CollectorRef;
	/** A UUID issued with the form (`issueSubmissionId`) or made by the kiosk's offline queue. */
	submissionId: string;
	/** The posted answer fields (`q.<itemId>…`); other fields are ignored. */
	values: RawFormData;
	/** The language the respondent answered in; one the instrument does not offer is recorded as its base language. */
	language: string;
	/** One-time token of a closed population (studies with `usesTokens`). */
	token?: string | null;
	/** The resume code the form was resumed from; its saved progress is deleted with the commit. */
	resumeCode?: string | null;
	/** The respondent's browser already holds the "answered" cookie of this round (studies with `onePerDevice`). */
	deviceHasAnswered?: boolean;
	/** Paper entry: the staff member typing in a paper form. */
	enteredBy?: Actor | null;
}

export interface SubmitResponseResult {
	responseId: number;
	/** False when the submission id was stored already: nothing new was stored (a retry). */
	created: boolean;
	/** Flagged `burst` for review (ADR 0012). */
	flagged: boolean;
}

/**
 * Stores one response: checks the answers against the round's pinned instrument version, then in
 * one statement (one transaction) uses the token and inserts the response row (segment values
 * copied onto it), its answer rows and open texts. Resolves only after the commit, so an
 * acknowledged response is durable (ADR 0011). A second call with the same submission id returns the same response id and
 * stores nothing, also when both calls run at once. No IP address or other identifier of the
 * respondent is ever stored.
 */
export async function submitResponse(deps: Deps, input: SubmitResponseInput): Promise<SubmitResponseResult> {
	if (!isSubmissionId(input.submissionId)) {
		throw new AppError('invalid', 'invalid_submission_id', 'The submission id must be a UUID.');
	}
	const now = deps.now();
	const paper = input.enteredBy !== undefined && input.enteredBy !== null;
	// A public submission first tries the collector as read moments ago (ADR 0022): that context
	// may only admit it, under the store's guard; anything else is decided on a fresh read.
	if (!paper) {
		const stored = await loadCollectorContext(deps.db, input.collector, now, { cached: true })
			.then((cached) => submitWith(deps, input, cached, now, true))
			.catch(() => undefined);
		if (stored) return stored;
	}
	const context = await loadCollectorContext(deps.db, input.collector, now);
	if (paper) await requireEntry(deps, input.enteredBy!, context, now);
	return (await submitWith(deps, input, context, now, false))!;
}

/** Checks and stores the submission against `context`; with `guarded`, undefined when the store's guard refused it. */
async function submitWith(deps: Deps, input: SubmitResponseInput, context: CollectorContext, now: Date, guarded: boolean): Promise<SubmitResponseResult | undefined> {
	const { collector, study, round, instrument } = context;
	const paper = input.enteredBy !== undefined && input.enteredBy !== null;

	const accepting = round !== undefined && (paper ? acceptsPaperEntry(round, now) : context.status === 'open');
	if (!accepting) {
		const stored = await alreadyStored(deps, input.submissionId);
		if (stored) return stored;
		const code = context.status === 'not_yet_open' ? 'round_not_open' : 'round_closed';
		throw new AppError('conflict', code, `${describeRef(input.collector)}: the round is ${context.status}.`, { details: { status: context.status } });
	}
	if (study.onePerDevice && input.deviceHasAnswered && !paper && burstRuleApplies(collector.channel)) {
		const stored = await alreadyStored(deps, input.submissionId);
		if (stored) return stored;
		throw new AppError('conflict', 'already_answered', `${describeRef(input.collector)}: this device has answered round ${round.id} already.`);
	}
	const tokenHash = readToken(input.token, study.usesTokens && !paper);

	const language: Language = (instrumentLanguages as readonly string[]).includes(input.language) && instrument.languages.includes(input.language as Language)
		? (input.language as Language)
		: instrument.baseLanguage;
	const checked = checkSubmission(instrument, input.values, { locale: language, optionSources: context.optionSources });
	if (!checked.ok) {
		throw new AppError('invalid', 'submission_invalid', `${describeRef(input.collector)}: ${checked.issues.length} problem(s) in the answers.`, {
			details: { issues: checked.issues }
		});
	}
	const segments = checked.segments;
	const homeLibrary = segments.home_library === undefined ? undefined : context.libraries.find((library) => library.key === segments.home_library);
	const answerDigest = createHash('sha256').update(canonicalAnswers(checked.facets)).digest('base64url');

	const resume = input.resumeCode ? normaliseCode(input.resumeCode) : undefined;
	const stored = await storeResponse(deps.db, {
		row: {
			submissionId: input.submissionId.toLowerCase(),
			studyId: study.id,
			roundId: round.id,
			libraryId: collector.libraryId,
			collectorId: collector.id,
			channel: collector.channel,
			language,
			instrumentVersionId: round.instrumentVersionId,
			submittedAt: now,
			ageBand: segments.age_band ?? null,
			gender: segments.gender ?? null,
			education: segments.education ?? null,
			lifeSituation: segments.life_situation ?? null,
			homeLibraryId: homeLibrary?.id ?? null,
			segments,
			enteredBy: paper ? input.enteredBy!.id : null,
			answerDigest
		},
		facets: checked.facets,
		burst: !paper && burstRuleApplies(collector.channel) ? burstRule : null,
		// The day of use is kept, not the moment, so tokens cannot be lined up with response times (ADR 0012).
		...(tokenHash === undefined ? {} : { token: { hash: tokenHash, usedAt: new Date(`${localDate(now)}T00:00:00Z`) } }),
		...(resume ? { resumeHash: hashCode('resume', resume) } : {}),
		...(guarded ? { guard: { usesTokens: study.usesTokens, onePerDevice: study.onePerDevice } } : {})
	});
	if (stored) return { responseId: stored.id, created: true, flagged: stored.flag !== null };
	const existing = await alreadyStored(deps, input.submissionId);
	if (existing) return existing;
	if (guarded) return undefined;
	if (tokenHash === undefined) throw new Error(`Submission ${input.submissionId} stored nothing and cannot be found.`);
	// An unknown token and a token of another study or round give the same error.
	if (await tokenUsedInRound(deps.db, tokenHash, round.id)) throw new AppError('conflict', 'token_used', 'This one-time token has been used already.');
	throw tokenInvalid();
}

async function alreadyStored(deps: Deps, submissionId: string): Promise<SubmitResponseResult | undefined> {
	const existing = await findResponseBySubmission(deps.db, submissionId.toLowerCase());
	return existing && { responseId: existing.id, created: false, flagged: existing.flag !== null };
}

/** The token's hash, or undefined when none is needed or given. Malformed tokens read as unknown ones. */
function readToken(token: string | null | undefined, required: boolean): string | undefined {
	const given = token?.trim() ?? '';
	if (given === '') {
		if (required) throw new AppError('invalid', 'token_required', 'This study needs a one-time token.');
		return undefined;
	}
	const code = normaliseCode(given);
	if (!code) throw tokenInvalid();
	return hashCode('token', code);
}

function tokenInvalid(): AppError {
	return new AppError('invalid', 'token_invalid', 'This is not a valid one-time token for this survey.');
}

async function requireEntry(deps: Deps, actor: Actor, context: CollectorContext, now: Date): Promise<void> {
	const resources = await collectorResources(deps.db, context.collector.libraryId, context.study.id, localDate(now));
	if (!resources.some((resource) => can(actor, 'response.enter', resource))) {
		throw new AppError('forbidden', 'forbidden', `User ${actor.id} may not enter responses for collector ${context.collector.id}.`);
	}
}
