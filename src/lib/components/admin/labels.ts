import { m } from '#lib/paraglide/messages.js';
import type { ImportIssue, ImportProblem } from '#lib/core/kirkanta.ts';
import type { FieldProblem } from '#lib/core/organisations.ts';
import { libraryKinds, networkKinds, sizeClasses, type LibraryKind, type Locale, type NetworkKind, type SizeClass } from '#lib/core/org-types.ts';
import { unitName } from '#lib/core/scope-directory.ts';

/** Localised names for the organisation pages: kinds, size classes, fields, problems, dates. */

export const networkKindLabels: Record<NetworkKind, () => string> = {
	development_area: m.admin_network_kind_development_area,
	consortium: m.admin_network_kind_consortium,
	project: m.admin_network_kind_project
};

export const libraryKindLabels: Record<LibraryKind, () => string> = {
	main: m.admin_library_kind_main,
	branch: m.admin_library_kind_branch,
	mobile: m.admin_library_kind_mobile,
	other: m.admin_library_kind_other
};

export const sizeClassLabels: Record<SizeClass, () => string> = {
	small: m.admin_size_small,
	medium: m.admin_size_medium,
	large: m.admin_size_large
};

type Option = { value: string; label: string };
const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, () => string>) => (): Option[] => values.map((value) => ({ value, label: labels[value]() }));

/** The kinds and size classes as the options of a select, in the page's language. */
export const networkKindOptions = optionsOf(networkKinds, networkKindLabels);
export const libraryKindOptions = optionsOf(libraryKinds, libraryKindLabels);
export const sizeClassOptions = optionsOf(sizeClasses, sizeClassLabels);

/** Form field names (as the services name them) and their labels. */
export const fieldLabels: Record<string, () => string> = {
	key: m.admin_field_key,
	kind: m.admin_field_kind,
	nameFi: m.admin_field_name_fi,
	nameSv: m.admin_field_name_sv,
	isil: m.admin_field_isil,
	kirkantaId: m.admin_field_kirkanta_id,
	sizeClass: m.admin_field_size_class,
	municipality: m.admin_field_municipality,
	network: m.admin_field_network,
	validFrom: m.admin_field_valid_from,
	from: m.admin_field_valid_from,
	to: m.admin_field_to
};

const problemMessages: Record<FieldProblem, (inputs: { field: string }) => string> = {
	required: m.admin_problem_required,
	too_long: m.admin_problem_too_long,
	key_format: m.admin_problem_key_format,
	key_reserved: m.admin_problem_key_reserved,
	isil_format: m.admin_problem_isil_format,
	invalid_choice: m.admin_problem_invalid_choice,
	date_format: m.admin_problem_date_format,
	kirkanta_id_format: m.admin_problem_kirkanta_id_format,
	key_taken: m.admin_problem_key_taken,
	isil_taken: m.admin_problem_isil_taken,
	kirkanta_id_taken: m.admin_problem_kirkanta_id_taken,
	unknown_unit: m.admin_problem_unknown_unit
};

/** "Avain: käytä vain pieniä kirjaimia…", naming the field so the error summary reads on its own. */
export function problemText(field: string, problem: FieldProblem): string {
	return problemMessages[problem]({ field: fieldLabels[field]?.() ?? field });
}

const importProblems: Record<ImportProblem, (inputs: { detail: string }) => string> = {
	invalid_json: m.admin_import_problem_invalid_json,
	not_library_list: m.admin_import_problem_not_library_list,
	required: m.admin_import_problem_required,
	invalid_type: m.admin_import_problem_invalid_type,
	invalid_value: m.admin_import_problem_invalid_value,
	isil_format: m.admin_import_problem_isil_format,
	unknown_reference: m.admin_import_problem_unknown_reference,
	duplicate_id: m.admin_import_problem_duplicate_id,
	duplicate_isil: m.admin_import_problem_duplicate_isil
};

/** One problem of an import file, naming the record (number, id, name) and the field. */
export function importIssueText(issue: ImportIssue): string {
	const where =
		issue.index === null
			? issue.field
				? m.admin_import_field_level({ field: issue.field })
				: m.admin_import_file_level()
			: m.admin_import_record({
					number: issue.index + 1,
					index: issue.index,
					id: issue.recordId === null ? '' : `, id ${issue.recordId}`,
					name: issue.recordName ? `, “${issue.recordName}”` : '',
					field: issue.field
				});
	return `${where} ${importProblems[issue.problem]({ detail: issue.detail ?? '' })}`;
}

/** "Record 3 (result[2], id 86503, “Liipolan kirjasto”)": where in a file a problem was found. */
export function importRecordText(index: number, recordId: number | null, recordName: string | null): string {
	return m.admin_import_record_at({
		number: index + 1,
		index,
		id: recordId === null ? '' : `, id ${recordId}`,
		name: recordName ? `, “${recordName}”` : ''
	});
}

/** A unit's name in the page's language: Swedish where it has one, otherwise Finnish. */
export const nameIn = unitName;

/** Units as the options of a select: the key as value, the name in the page's language as label. */
export function unitOptions(units: readonly { key: string; nameFi: string; nameSv: string | null }[], locale: Locale): Option[] {
	return units.map((unit) => ({ value: unit.key, label: nameIn(unit, locale) }));
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A calendar date (`2026-06-01`) as people read it in the page's language. Formatted in UTC
 * because the text is a date, not an instant: no time zone may move it to the previous day.
 */
export function formatDate(iso: string, locale: Locale): string {
	let format = dateFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-FI`, { dateStyle: 'medium', timeZone: 'UTC' });
		dateFormats.set(locale, format);
	}
	return format.format(new Date(`${iso}T00:00:00Z`));
}
