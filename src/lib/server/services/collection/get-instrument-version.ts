import { AppError } from '#lib/core/errors.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { InstrumentIssue } from '#lib/core/instrument/instrument-issues.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { Actor } from '#lib/core/permissions.ts';
import { findInstrument, findVersion, type InstrumentRow, type VersionSummary } from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';

/**
 * One version of an instrument, parsed: for previews in each language, the paper version and the
 * paper-entry screen. `definition` is null (with `issues`) only for an unfinished draft.
 */
export async function getInstrumentVersion(
	deps: Deps,
	actor: Actor,
	versionId: number
): Promise<{ version: VersionSummary; instrument: InstrumentRow; definition: Instrument | null; issues: InstrumentIssue[] }> {
	requireAnywhere(actor, 'study.view');
	const version = await findVersion(deps.db, versionId);
	const instrument = version && (await findInstrument(deps.db, version.instrumentId));
	if (!version || !instrument) throw new AppError('not_found', 'instrument_version_not_found', `No instrument version ${versionId}.`);
	const result = validateInstrument(version.definition);
	const { definition: _definition, ...summary } = version;
	return { version: summary, instrument, definition: result.ok ? result.instrument : null, issues: result.ok ? [] : result.issues };
}
