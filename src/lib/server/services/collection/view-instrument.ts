import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { InstrumentIssue } from '#lib/core/instrument/instrument-issues.ts';
import { missingTranslations, type MissingTranslation } from '#lib/core/instrument/texts.ts';
import { validateInstrument } from '#lib/core/instrument/validate.ts';
import type { Actor } from '#lib/core/permissions.ts';
import {
	findDraftVersion,
	findInstrument,
	findInstrumentByKey,
	findLatestPublishedVersion,
	listVersionSummaries,
	type InstrumentRow,
	type VersionSummary
} from '#lib/server/db/instruments.ts';
import type { Deps } from '../deps.ts';
import { requireAnywhere } from '../org-access.ts';
import { instrumentNotFound } from './create-instrument.ts';

export interface InstrumentDetail {
	instrument: InstrumentRow;
	/** Every version, newest first. */
	versions: VersionSummary[];
	/** The draft as saved (possibly unfinished) with its issues and missing translations. */
	draft: { version: VersionSummary; definition: unknown; issues: InstrumentIssue[]; missingTranslations: MissingTranslation[] } | null;
	published: { version: VersionSummary; definition: Instrument } | null;
}

/** An instrument for the builder: its versions, its draft and its latest published definition. */
export async function viewInstrument(deps: Deps, actor: Actor, ref: number | string): Promise<InstrumentDetail> {
	requireAnywhere(actor, 'study.view');
	const instrument = typeof ref === 'number' ? await findInstrument(deps.db, ref) : await findInstrumentByKey(deps.db, ref);
	if (!instrument) throw instrumentNotFound(ref);
	const [versions, draft, published] = await Promise.all([
		listVersionSummaries(deps.db, [instrument.id]),
		findDraftVersion(deps.db, instrument.id),
		findLatestPublishedVersion(deps.db, instrument.id)
	]);
	const checkedDraft = draft && validateInstrument(draft.definition);
	const parsedPublished = published && validateInstrument(published.definition);
	return {
		instrument,
		versions,
		draft:
			draft && checkedDraft
				? {
						version: summary(draft),
						definition: draft.definition,
						issues: checkedDraft.ok ? [] : checkedDraft.issues,
						missingTranslations: checkedDraft.ok ? missingTranslations(checkedDraft.instrument) : []
					}
				: null,
		published: published && parsedPublished?.ok ? { version: summary(published), definition: parsedPublished.instrument } : null
	};
}

function summary<T extends VersionSummary & { definition: unknown }>(version: T): VersionSummary {
	const { definition: _definition, ...rest } = version;
	return rest;
}
