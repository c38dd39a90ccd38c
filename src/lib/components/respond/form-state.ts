import type { Instrument } from '#lib/core/instrument/instrument.ts';
import { localize, type BaseLanguage, type Language, type LocalizedText } from '#lib/core/instrument/localized-text.ts';
import type { OptionSources } from '#lib/core/instrument/options.ts';

/**
 * What the respondent components need to render one form: the language, the values to show
 * (a returned or resumed form), the errors per field, and run-time options. Field names follow
 * `field-names.ts` (`q.<itemId>[.<part>]`); the first input of a field that an error summary may
 * link to (it has an error, or it is required) carries the field name as its `id`:
 * `#q.service.friendliness`. Typed inputs always do, for their `<label for>`.
 */
export type FormValues = Record<string, string | string[]>;
/** Localised message per field name. */
export type FieldErrors = Record<string, string>;

export interface FormContext {
	instrument: Instrument;
	lang: Language;
	base: BaseLanguage;
	values: FormValues;
	errors: FieldErrors;
	sources: OptionSources;
}

/** The message-function option that renders a UI message in the page's language. */
export function inLang(ctx: { lang: Language }): { locale: Language } {
	return { locale: ctx.lang };
}

export function tr(ctx: FormContext, text: LocalizedText | undefined): string {
	return localize(text, ctx.lang, ctx.base);
}

/** The values posted (or saved) under a field name, as a list. */
export function valuesOf(values: FormValues, name: string): string[] {
	const value = Object.hasOwn(values, name) ? values[name] : undefined;
	if (value === undefined) return [];
	return typeof value === 'string' ? [value] : value;
}

export function firstValue(values: FormValues, name: string): string {
	return valuesOf(values, name)[0] ?? '';
}

/** Whether a radio or checkbox with this value should be checked. */
export function isChosen(values: FormValues, name: string, value: string): boolean {
	return valuesOf(values, name).includes(value);
}

/** The id of a field's error message (for `aria-describedby`). */
export function errorId(name: string): string {
	return `err-${name}`;
}

/** The id of a field's hint. */
export function hintId(name: string): string {
	return `hint-${name}`;
}

/** `aria-describedby` for a field: its hint and its error, or undefined when it has neither. */
export function describedBy(ctx: FormContext, name: string, hasHint: boolean): string | undefined {
	const ids = [hasHint ? hintId(name) : '', ctx.errors[name] ? errorId(name) : ''].filter(Boolean);
	return ids.length ? ids.join(' ') : undefined;
}

/** A form's values as the model reads them: only answer fields, never the bookkeeping ones. */
export function answerValues(posted: Record<string, string | string[]>): FormValues {
	return Object.fromEntries(Object.entries(posted).filter(([name]) => name.startsWith('q.')));
}
