import { readKioskSettings, type KioskSettings } from '#lib/core/collection/collectors.ts';
import type { RoundStatus } from '#lib/core/collection/rounds.ts';
import type { Instrument } from '#lib/core/instrument/instrument.ts';
import type { BaseLanguage, Language, LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';
import { localDate } from '#lib/core/local-date.ts';
import type { Channel, CollectorMode } from '#lib/server/db/schema.ts';
import type { Deps } from '../deps.ts';
import { loadCollectorContext, type CollectorRef } from './collector-context.ts';
import { cachedPrivacyNotice, type ResolvedPrivacyNotice } from './resolve-privacy-notice.ts';

/** Everything a respondent page (`/s`, `/k`, `/p`), the paper-entry screen and the API need. */
export interface RespondentView {
	collector: { id: number; slug: string; mode: CollectorMode; channel: Channel; settings: KioskSettings; frameOrigins: string[] };
	study: { id: number; key: string; name: LocalizedText; usesTokens: boolean; onePerDevice: boolean; confidential: boolean };
	/** The round the page is about (open, else next, else last); null when the study has no round yet. */
	round: { id: number; key: string; name: LocalizedText; opensAt: Date; closesAt: Date } | null;
	status: RoundStatus;
	instrument: Instrument;
	instrumentVersionId: number;
	/** Languages the instrument offers, base language first. */
	languages: Language[];
	baseLanguage: BaseLanguage;
	library: { id: number; key: string; nameFi: string; nameSv: string | null } | null;
	privacyNotice: ResolvedPrivacyNotice;
	/** Run-time options (`optionsFrom: 'libraries'`: the study's libraries, code = library key). */
	optionSources: OptionSources;
}

/**
 * Opens a collector for a respondent: no actor, no permission (the page is public). Unknown and
 * archived collectors, and collectors of archived studies, are `collector_not_found`. A closed or
 * not yet open round is not an error here: the page says so (`status`).
 */
export async function openCollectorForRespondent(deps: Deps, ref: CollectorRef): Promise<RespondentView> {
	const now = deps.now();
	const context = await loadCollectorContext(deps.db, ref, now);
	const { collector, study, round, instrument } = context;
	const library = collector.libraryId === null ? undefined : context.libraries.find((entry) => entry.id === collector.libraryId);
	const privacyNotice = await cachedPrivacyNotice(deps.db, { libraryId: collector.libraryId, studyId: study.id }, localDate(now), now);
	const languages = [instrument.baseLanguage, ...instrument.languages.filter((language) => language !== instrument.baseLanguage)];
	return {
		collector: {
			id: collector.id,
			slug: collector.slug,
			mode: collector.mode,
			channel: collector.channel,
			settings: readKioskSettings(collector.settings),
			frameOrigins: collector.frameOrigins
		},
		study: { id: study.id, key: study.key, name: study.name, usesTokens: study.usesTokens, onePerDevice: study.onePerDevice, confidential: study.confidential },
		round: round ? { id: round.id, key: round.key, name: round.name, opensAt: round.opensAt, closesAt: round.closesAt } : null,
		status: context.status,
		instrument,
		instrumentVersionId: context.instrumentVersionId,
		languages,
		baseLanguage: instrument.baseLanguage,
		library: library ? { id: library.id, key: library.key, nameFi: library.nameFi, nameSv: library.nameSv } : null,
		privacyNotice,
		optionSources: context.optionSources
	};
}
