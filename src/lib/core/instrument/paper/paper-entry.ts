import { fieldName } from '../field-names.ts';
import { normaliseText, type RawFormData } from '../raw-form.ts';
import { naKey, type PaperEntry, type PaperField } from './paper-layout.ts';

/**
 * The paper-entry screen posts what staff type, under the field names of field-names.ts: a box's
 * printed key (`3` for the third option, `4` on a scale, `n` for N/A), several keys for a multiple
 * choice (`1 3 5`), dates as on paper (`24.11.2026`). This turns it into the raw form data
 * `checkSubmission` reads; anything it cannot match is passed on as typed, so the checker refuses it
 * with an issue on the same field and the screen shows the typed text again.
 */
export function paperEntryToRaw(layout: readonly PaperEntry[], typed: RawFormData): Record<string, string | string[]> {
	const raw: Record<string, string | string[]> = {};
	for (const entry of layout) {
		const libqualNa = entry.item.kind === 'libqual' && entry.fields.some((field) => typedText(typed, field.name).toLowerCase() === naKey);
		if (libqualNa) {
			raw[fieldName(entry.item.id, 'na')] = 'on';
			continue;
		}
		for (const field of entry.fields) {
			const text = typedText(typed, field.name);
			if (text === '') continue;
			raw[field.name] = translate(field, text);
		}
	}
	return raw;
}

function typedText(typed: RawFormData, name: string): string {
	const value = Object.hasOwn(typed, name) ? typed[name] : undefined;
	const first = typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
	return typeof first === 'string' ? normaliseText(first) : '';
}

function translate(field: PaperField, text: string): string | string[] {
	switch (field.kind) {
		case 'choice':
			return keyToValue(field, text);
		case 'choices':
			return text
				.split(/[\s,;]+/)
				.filter((part) => part !== '')
				.map((part) => keyToValue(field, part));
		case 'date':
			return finnishDate(text) ?? text;
		default:
			return text;
	}
}

function keyToValue(field: PaperField, key: string): string {
	const lower = key.toLowerCase();
	return field.choices.find((choice) => choice.key === lower)?.value ?? key;
}

/** `24.11.2026` as written in Finland and Sweden; four-digit years only, so no century is guessed. */
function finnishDate(text: string): string | undefined {
	const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	if (!match) return undefined;
	return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}
