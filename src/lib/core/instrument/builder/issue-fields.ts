import type { InstrumentIssue } from '../instrument-issues.ts';
import type { BaseLanguage } from '../localized-text.ts';

/**
 * The form field a validation issue belongs to. Field names are JSON paths inside the item (see
 * form-record.ts), so the issue's path relative to the item is the field, or its base-language
 * input for a text, or the first field under it (`scale` → `scale.min`). Undefined when no field
 * of the form matches: the issue is then shown for the whole form.
 */
export function issueFieldName(
	issue: InstrumentIssue,
	ownerPath: string,
	baseLanguage: BaseLanguage,
	fields: Iterable<string>
): string | undefined {
	if (ownerPath !== '' && !issue.path.startsWith(`${ownerPath}.`)) return undefined;
	const names = [...fields];
	let relative = ownerPath === '' ? issue.path : issue.path.slice(ownerPath.length + 1);
	while (relative !== '') {
		for (const candidate of [`${relative}.${baseLanguage}`, relative]) if (names.includes(candidate)) return candidate;
		const under = names.find((name) => name.startsWith(`${relative}.`) || name.startsWith(`${relative}[`));
		if (under) return under;
		const parent = relative.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
		if (parent === relative) return undefined;
		relative = parent;
	}
	return undefined;
}
