import { versionCompatibilityIssues } from '#lib/core/collection/version-compat.ts';
import { AppError } from '#lib/core/errors.ts';
import { answerableItems, type Instrument } from '#lib/core/instrument/instrument.ts';
import { issue, type InstrumentIssue } from '#lib/core/instrument/instrument-issues.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { insertAuditEvent } from '#lib/server/db/audit-events.ts';
import { findDraftVersion, findInstrument, listPublishedDefinitions, publishDraftVersion, updateInstrument, type VersionSummary } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';
import { instrumentNotFound } from './create-instrument.ts';
import { inTransaction } from './transaction.ts';

export type PublishResult = { ok: true; version: VersionSummary } | { ok: false; issues: InstrumentIssue[] };

/**
 * Publishes the draft: it must validate and keep the meaning of every item id used by earlier
 * published versions. A published version is immutable; rounds pin it. Problems come back as
 * data (`ok: false`), like a form's field errors.
 */
export async function publishInstrument(deps: Deps, actor: Actor, instrumentId: number): Promise<PublishResult> {
	requireAnywhere(actor, 'study.manage');
	const now = deps.now();
	return inTransaction(deps.db, async (trx) => {
		const instrument = await findInstrument(trx, instrumentId);
		if (!instrument) throw instrumentNotFound(instrumentId);
		const draft = await findDraftVersion(trx, instrumentId);
		if (!draft) throw new AppError('not_found', 'no_draft', `Instrument ${instrumentId} has no draft to publish.`);
		const result = validateInstrument(draft.definition);
		if (!result.ok) return { ok: false, issues: result.issues };
		if (answerableItems(result.instrument).length === 0) {
			return { ok: false, issues: [issue('invalid_shape', 'sections', 'A published instrument needs at least one question.')] };
		}
		const earlier = (await listPublishedDefinitions(trx, instrumentId)).flatMap((version): Instrument[] => {
			const parsed = validateInstrument(version.definition);
			return parsed.ok ? [parsed.instrument] : [];
		});
		const incompatible = versionCompatibilityIssues(result.instrument, earlier);
		if (incompatible.length > 0) return { ok: false, issues: incompatible };
		const published = await publishDraftVersion(trx, draft.id, result.instrument, actor.id, now);
		if (!published) throw new AppError('conflict', 'no_draft', `Instrument ${instrumentId}: the draft was published meanwhile.`);
		await updateInstrument(trx, instrumentId, { now });
		await insertAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'instrument.publish',
			targetType: 'instrument',
			targetId: instrumentId,
			details: { versionId: published.id, version: published.version }
		});
		const { definition: _definition, ...version } = published;
		return { ok: true, version };
	});
}
