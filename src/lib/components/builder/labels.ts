import { m } from '#lib/paraglide/messages.js';
import type { ItemKind } from '#lib/core/instrument/items.ts';
import type { Language } from '#lib/core/instrument/localized-text.ts';
import type { InstrumentKind } from '#lib/core/collection/inputs.ts';

/** Localised names for the builder and study pages: item kinds, languages, channels. */
export const kindLabels: Record<ItemKind, () => string> = {
	single_choice: m.studies_kind_single_choice,
	multiple_choice: m.studies_kind_multiple_choice,
	rating: m.studies_kind_rating,
	matrix: m.studies_kind_matrix,
	importance_performance: m.studies_kind_importance_performance,
	libqual: m.studies_kind_libqual,
	nps: m.studies_kind_nps,
	school_grade: m.studies_kind_school_grade,
	happy_index: m.studies_kind_happy_index,
	checklist: m.studies_kind_checklist,
	number: m.studies_kind_number,
	date: m.studies_kind_date,
	short_text: m.studies_kind_short_text,
	long_text: m.studies_kind_long_text,
	info: m.studies_kind_info
};

export const languageLabels: Record<Language, () => string> = {
	fi: m.studies_lang_fi,
	sv: m.studies_lang_sv,
	en: m.studies_lang_en
};

export const channelLabels: Record<string, () => string> = {
	web: m.studies_channel_web,
	qr: m.studies_channel_qr,
	kiosk: m.studies_channel_kiosk,
	link: m.studies_channel_link,
	phone: m.studies_channel_phone,
	paper: m.studies_channel_paper
};

export const facetLabels: Record<string, () => string> = {
	importance: m.studies_facet_importance,
	performance: m.studies_facet_performance,
	minimum: m.studies_facet_minimum,
	desired: m.studies_facet_desired,
	perceived: m.studies_facet_perceived
};

/** Which UI language a page is in, as an instrument language. */
export function asLanguage(locale: string): Language {
	return locale === 'sv' || locale === 'en' ? locale : 'fi';
}

export const instrumentKindLabels: Record<InstrumentKind, () => string> = {
	survey: m.studies_instrument_kind_survey,
	staff_survey: m.studies_instrument_kind_staff_survey,
	pulse: m.studies_instrument_kind_pulse,
	feedback: m.studies_instrument_kind_feedback,
	checklist: m.studies_instrument_kind_checklist,
	exercise: m.studies_instrument_kind_exercise
};

export const templateLabels: Record<string, () => string> = {
	'customer-service-survey': m.studies_template_customer_service,
	'staff-survey-2018': m.studies_template_staff_survey,
	'training-day-feedback': m.studies_template_training_feedback,
	'customer-promise-pulse': m.studies_template_promise_pulse
};
