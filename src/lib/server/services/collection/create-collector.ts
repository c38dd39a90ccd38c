import { randomInt } from 'node:crypto';
import { defaultMode, modesOfChannel, parseFrameOrigin, type Channel, type CollectorMode, type KioskSettings } from '#lib/core/collection/collectors.ts';
import { codeAlphabet } from '#lib/core/collection/codes.ts';
import { collectorInputSchema, type CollectionFieldErrors } from '#lib/core/collection/inputs.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import type { Db } from '#lib/server/db/client.ts';
import { insertCollector, slugTaken, type CollectorRow } from '#lib/server/db/collectors.ts';
import { findInstrument } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { fieldError, parseOrThrow } from './parse-input.ts';
import { loadStudyAccess, requireManageStudy, type StudyAccess } from './study-access.ts';
import { inTransaction } from './transaction.ts';

export interface CollectorInput {
	studyId: number;
	/** One of the study's libraries, or null for a study-wide collector. */
	libraryId: number | null;
	channel: Channel;
	/** Default: pulse for a pulse instrument, kiosk for a kiosk, else the survey page. */
	mode?: CollectorMode;
	/** The URL part after `/s/`, `/k/` or `/p/`; generated (6 characters) when missing. */
	slug?: string;
	settings?: Partial<KioskSettings>;
	/** https origins allowed to embed the page in an iframe. */
	frameOrigins?: string[];
}

/** Adds a collector (a library × channel with its own respondent URL) to a study. */
export async function createCollector(deps: Deps, actor: Actor, input: CollectorInput): Promise<CollectorRow> {
	const value = parseOrThrow(collectorInputSchema, input, 'collector');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const access = await loadStudyAccess(trx, value.studyId, now);
		requireManageStudy(actor, access);
		return addCollector(trx, actor, access, value, now);
	});
}

/** Checks and inserts one collector; shared with `createLibraryCollectors`. */
export async function addCollector(
	db: Db,
	actor: Actor,
	access: StudyAccess,
	value: { libraryId: number | null; channel: Channel; mode?: CollectorMode; slug?: string; settings?: Partial<KioskSettings>; frameOrigins?: string[] },
	now: Date
): Promise<CollectorRow> {
	const instrument = await findInstrument(db, access.study.instrumentId);
	const mode = value.mode ?? defaultMode(value.channel, instrument?.kind ?? 'survey');
	const errors: CollectionFieldErrors = {};
	if (!modesOfChannel[value.channel].includes(mode)) errors.mode = 'invalid_choice';
	if (value.libraryId !== null && !access.libraries.some((library) => library.id === value.libraryId)) errors.libraryId = 'not_in_study';
	const origins = readFrameOrigins(value.frameOrigins ?? [], errors);
	if (value.slug !== undefined && (await slugTaken(db, mode, value.slug))) errors.slug = 'slug_taken';
	if (Object.keys(errors).length > 0) throw fieldError(errors.slug === 'slug_taken' ? 'conflict' : 'invalid', 'collector', errors);
	const slug = value.slug ?? (await freeSlug(db, mode));
	const collector = await insertCollector(db, {
		studyId: access.study.id,
		libraryId: value.libraryId,
		channel: value.channel,
		mode,
		slug,
		frameOrigins: origins,
		settings: value.settings ?? {},
		now
	});
	await insertAuditEvent(db, {
		actorUserId: actor.id,
		action: 'collector.create',
		targetType: 'collector',
		targetId: collector.id,
		details: { studyId: access.study.id, libraryId: collector.libraryId, channel: collector.channel, mode, slug }
	});
	return collector;
}

/** Normalised origins; records the first problem under `frameOrigins`. */
export function readFrameOrigins(texts: readonly string[], errors: CollectionFieldErrors): string[] {
	const origins: string[] = [];
	for (const text of texts) {
		if (text.trim() === '') continue;
		const parsed = parseFrameOrigin(text);
		if (!parsed.ok) {
			errors.frameOrigins ??= parsed.reason;
			continue;
		}
		if (!origins.includes(parsed.origin)) origins.push(parsed.origin);
	}
	return origins;
}

/** A random 6-character slug not yet used in the mode (lower-case letters and digits without look-alikes). */
async function freeSlug(db: Db, mode: CollectorMode): Promise<string> {
	const alphabet = codeAlphabet.toLowerCase();
	for (;;) {
		const slug = Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
		if (!(await slugTaken(db, mode, slug))) return slug;
	}
}
