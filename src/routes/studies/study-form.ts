import { readText } from '#lib/core/instrument/builder/form-record.ts';
import type { LocalizedText } from '#lib/core/instrument/localized-text.ts';

/** The study form's values as the services take them (`scope` arrives as `network:12` boxes). */
export function readStudyForm(values: Record<string, string | string[]>) {
	const boxes = values.scope === undefined ? [] : Array.isArray(values.scope) ? values.scope : [values.scope];
	const scope = boxes.flatMap((box) => {
		const [type, id] = box.split(':');
		return (type === 'network' || type === 'municipality' || type === 'library') && /^\d+$/.test(id ?? '') ? [{ type, id: Number(id) } as const] : [];
	});
	const flag = (name: string) => values[name] !== undefined && values[name] !== '';
	return {
		name: (readText(values, 'name') ?? {}) as LocalizedText,
		scope,
		confidential: flag('confidential'),
		usesTokens: flag('usesTokens'),
		onePerDevice: flag('onePerDevice')
	};
}

/** Field names of the service → ids on the page. */
export const studyFieldRename = { name: 'name.fi' };
