import { createHash } from 'node:crypto';
import { canonicalAnswers } from '#lib/core/collection/burst.ts';
import { checkSubmission } from '#lib/core/instrument/check-submission.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import { localDate } from '#lib/core/local-date.ts';
import { foldPending, rebuildCube } from '#lib/server/db/answer-cube.ts';
import { findCollectorBySlug, type CollectorRow } from '#lib/server/db/collectors.ts';
import { countStoredSubmissions, insertResponseBatch, insertTokenBatch, type BatchResponse } from '#lib/server/db/response-batches.ts';
import { listRounds, type RoundRow } from '#lib/server/db/rounds.ts';
import { findStudyByKey, listStudyLibraryOptions, type LibraryOption } from '#lib/server/db/studies.ts';
import { findUserByEmail } from '#lib/server/db/users.ts';
import { hashCode } from '../collection/codes.ts';
import { publishedInstrument } from '../collection/published-instruments.ts';
import type { Deps } from '../deps.ts';
import {
	customerSubmissionIds,
	generateCustomerResponses,
	generatePulseResponses,
	pulseSubmissionIds,
	type DemoSubmission,
	type DemoWindow
} from './demo-responses.ts';
import { generateStaffResponses, staffSubmissionIds } from './demo-staff-responses.ts';

/** Taps on the demo pulse and answers to the staff survey (of the tokens issued). */
export const demoPulseTaps = 340;
export const demoStaffIssued = 80;
export const demoStaffAnswered = 52;

/**
 * Stores the generated responses of the three demo studies (demo-responses.ts) through the same
 * checks and row shapes as a respondent's submission — `checkSubmission`, its answer rows and
 * segment values — but set-based, a thousand responses per statement. Idempotent: submission ids
 * are stable, a study whose generated responses are all stored is skipped without a write, and a
 * partly stored one gets only what is missing. Runs inside loadDemo's transaction.
 *
 * Answer windows are fixed days after each round opens (so the same day gives the same data) and
 * end yesterday at the latest: nothing is dated in the future.
 */
export async function loadDemoResponses(deps: Deps): Promise<{ stored: number }> {
	const now = deps.now();
	const yesterday = addDays(localDate(now), -1);
	let stored = 0;

	const customer = await studyContext(deps, 'demo-customer', now);
	if (customer) {
		const [earlier, later] = customer.rounds;
		const rounds = [
			earlier && { key: earlier.key, window: windowOf(earlier, 7, 55, yesterday) },
			later && { key: later.key, window: windowOf(later, 14, 89, yesterday) }
		].flatMap((round) => (round?.window ? [{ key: round.key, window: round.window }] : []));
		// Both rounds or none: a lone round would be mistaken for the earlier one.
		if (rounds.length === 2) {
			const ids = customerSubmissionIds(rounds.map((round) => round.key));
			stored += await store(deps, customer, ids, () => generateCustomerResponses(rounds, customer.libraries.map((library) => library.key)));
		}
	}

	const pulse = await studyContext(deps, 'demo-pulse', now);
	const pulseRound = pulse?.rounds.at(-1);
	if (pulse && pulseRound) {
		const to = minDate(yesterday, addDays(localDate(pulseRound.closesAt), -1));
		const window = { from: maxDate(localDate(pulseRound.opensAt), addDays(to, -55)), to };
		if (window.from <= window.to) {
			const ids = pulseSubmissionIds(pulseRound.key, demoPulseTaps);
			stored += await store(deps, pulse, ids, () => generatePulseResponses({ key: pulseRound.key, window }, demoPulseTaps));
		}
	}

	const staff = await studyContext(deps, 'demo-staff', now);
	const staffRound = staff?.rounds.at(-1);
	const staffWindow = staffRound && windowOf(staffRound, 30, 75, yesterday);
	if (staff && staffRound && staffWindow) {
		const ids = staffSubmissionIds(staffRound.key, demoStaffAnswered);
		stored += await store(deps, staff, ids, () => {
			const { submissions, tokens } = generateStaffResponses({ key: staffRound.key, window: staffWindow }, demoStaffIssued, demoStaffAnswered);
			const usedAt = new Map(submissions.map((submission) => [submission.submissionId, new Date(`${localDate(submission.submittedAt)}T00:00:00Z`)]));
			const issued = tokens.map((token) => ({
				hash: hashCode('token', token.code),
				studyId: staff.studyId,
				roundId: staffRound.id,
				batch: 2,
				issuedAt: staffRound.opensAt,
				usedAt: token.usedBy === undefined ? null : usedAt.get(token.usedBy)!
			}));
			return { submissions, tokens: issued };
		});
	}
	return { stored };
}

interface StudyContext {
	studyId: number;
	rounds: RoundRow[];
	libraries: LibraryOption[];
	optionSources: OptionSources;
	instruments: Map<number, Instrument>;
	collectors: Map<string, CollectorRow>;
	paperEntry: number | null;
}

async function studyContext(deps: Deps, key: string, now: Date): Promise<StudyContext | undefined> {
	const study = await findStudyByKey(deps.db, key);
	if (!study) return undefined;
	const rounds = (await listRounds(deps.db, study.id)).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
	const libraries = await listStudyLibraryOptions(deps.db, study.id, localDate(now));
	const instruments = new Map<number, Instrument>();
	for (const round of rounds) instruments.set(round.instrumentVersionId, await publishedInstrument(deps.db, round.instrumentVersionId));
	// Paper forms are typed in by the demo's customer-service staff member.
	const paperEntry = (await findUserByEmail(deps.db, 'staff@aspa.example'))?.id ?? null;
	return {
		studyId: study.id,
		rounds,
		libraries,
		optionSources: { libraries: libraries.map((library) => ({ code: library.key, label: { fi: library.nameFi } })) },
		instruments,
		collectors: new Map(),
		paperEntry
	};
}

type Generated = readonly DemoSubmission[] | { submissions: readonly DemoSubmission[]; tokens: Parameters<typeof insertTokenBatch>[1] };

/**
 * Unless every id in `ids` is stored already, generates the responses (and tokens), checks each
 * against its round's instrument and stores them; returns how many responses were new.
 */
async function store(deps: Deps, context: StudyContext, ids: readonly string[], generate: () => Generated): Promise<number> {
	if (ids.length === 0 || (await countStoredSubmissions(deps.db, ids)) === ids.length) return 0;
	const generated = generate();
	const submissions = 'submissions' in generated ? generated.submissions : generated;
	if ('tokens' in generated) await insertTokenBatch(deps.db, generated.tokens);
	const batch: BatchResponse[] = [];
	for (const submission of submissions) batch.push(await toBatchResponse(deps, context, submission));
	const stored = (await insertResponseBatch(deps.db, batch)).length;
	// The batch left its responses pending, as storeResponse does; bringing them into the cube now
	// spares the first report the cost (the real submissions above come in with them). A few
	// thousand at once are rebuilt library by library: one fold of them all takes over a minute on
	// PostgreSQL (its plan for that many fresh rows), a rebuild about a second.
	if (stored > 500) await rebuildCube(deps.db, context.studyId);
	else await foldPending(deps.db, context.studyId);
	return stored;
}

async function toBatchResponse(deps: Deps, context: StudyContext, submission: DemoSubmission): Promise<BatchResponse> {
	const collector = await collectorOf(deps, context, submission.collector);
	const round = context.rounds.find((candidate) => candidate.key === submission.roundKey)!;
	const instrument = context.instruments.get(round.instrumentVersionId)!;
	const language = instrument.languages.includes(submission.language) ? submission.language : instrument.baseLanguage;
	const checked = checkSubmission(instrument, submission.values, { locale: language, optionSources: context.optionSources });
	if (!checked.ok) {
		throw new Error(`Demo submission ${submission.submissionId} fails the instrument's checks: ${checked.issues.map((issue) => `${issue.itemId}: ${issue.message}`).join('; ')}`);
	}
	const segments = checked.segments;
	return {
		row: {
			submissionId: submission.submissionId,
			studyId: context.studyId,
			roundId: round.id,
			libraryId: collector.libraryId,
			collectorId: collector.id,
			channel: collector.channel,
			language,
			instrumentVersionId: round.instrumentVersionId,
			submittedAt: submission.submittedAt,
			ageBand: segments.age_band ?? null,
			gender: segments.gender ?? null,
			education: segments.education ?? null,
			lifeSituation: segments.life_situation ?? null,
			homeLibraryId: context.libraries.find((library) => library.key === segments.home_library)?.id ?? null,
			segments,
			enteredBy: collector.channel === 'paper' ? context.paperEntry : null,
			answerDigest: createHash('sha256').update(canonicalAnswers(checked.facets)).digest('base64url')
		},
		facets: checked.facets
	};
}

async function collectorOf(deps: Deps, context: StudyContext, ref: DemoSubmission['collector']): Promise<CollectorRow> {
	const key = `${ref.mode}/${ref.slug}`;
	const cached = context.collectors.get(key);
	if (cached) return cached;
	const collector = await findCollectorBySlug(deps.db, ref.mode, ref.slug);
	if (!collector || collector.studyId !== context.studyId) throw new Error(`The demo responses need the collector ${key} of study ${context.studyId}.`);
	context.collectors.set(key, collector);
	return collector;
}

/** Days `fromDay`–`toDay` after the round opens, cut at its close and at `latest`; undefined when nothing is left. */
function windowOf(round: RoundRow, fromDay: number, toDay: number, latest: string): DemoWindow | undefined {
	const opens = localDate(round.opensAt);
	const from = addDays(opens, fromDay);
	const to = minDate(addDays(opens, toDay), addDays(localDate(round.closesAt), -1), latest);
	if (from <= to) return { from, to };
	// A round opened only days ago: answers from its first day to yesterday.
	return opens <= latest ? { from: opens, to: minDate(latest, addDays(localDate(round.closesAt), -1)) } : undefined;
}

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function minDate(...dates: string[]): string {
	return dates.reduce((a, b) => (a < b ? a : b));
}

function maxDate(...dates: string[]): string {
	return dates.reduce((a, b) => (a > b ? a : b));
}
