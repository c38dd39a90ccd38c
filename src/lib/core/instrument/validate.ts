import type { z } from 'zod';
import { instrumentSchema, type Instrument } from './instrument.ts';
import { issue, joinPath, type InstrumentIssue } from './instrument-issues.ts';
import { checkShowIf } from './show-if-checks.ts';
import { checkStructure } from './structure-checks.ts';
import { upgradeInstrument } from './upgrade.ts';

export type ValidationResult =
	| { ok: true; instrument: Instrument; upgradedFrom: number }
	| { ok: false; issues: InstrumentIssue[] };

/**
 * Reads a definition from JSON (a file, an editor, jsonb read back): upgrades older schema
 * versions, checks the shape, then the structure (unique ids and codes, scales of 3–11 labelled
 * points, base-language text everywhere, show-if only on earlier items, limits). Every issue
 * names the item (id and path) and the problem.
 */
export function validateInstrument(json: unknown): ValidationResult {
	const upgraded = upgradeInstrument(json);
	if (!upgraded.ok) return upgraded;
	const parsed = instrumentSchema.safeParse(upgraded.definition);
	if (!parsed.success) {
		return { ok: false, issues: parsed.error.issues.map((zodIssue) => fromZod(zodIssue, upgraded.definition)) };
	}
	const issues = [...checkStructure(parsed.data), ...checkShowIf(parsed.data)];
	if (issues.length > 0) return { ok: false, issues };
	return { ok: true, instrument: parsed.data, upgradedFrom: upgraded.from };
}

function fromZod(zodIssue: z.core.$ZodIssue, definition: Record<string, unknown>): InstrumentIssue {
	const segments = zodIssue.path.map((part) => (typeof part === 'number' ? part : String(part)));
	const path = joinPath(...segments);
	const itemId = itemIdAt(definition, segments);
	return itemId === undefined
		? issue('invalid_shape', path, `${path || 'definition'}: ${zodIssue.message}.`)
		: issue('invalid_shape', path, zodIssue.message, itemId);
}

/** The id of the item a path points into (`sections[s].items[i]…`), when it has a string id. */
function itemIdAt(definition: Record<string, unknown>, path: (string | number)[]): string | undefined {
	if (path[0] !== 'sections' || typeof path[1] !== 'number' || path[2] !== 'items' || typeof path[3] !== 'number') return undefined;
	const sections = definition.sections;
	const section = Array.isArray(sections) ? (sections[path[1]] as { items?: unknown } | undefined) : undefined;
	const items = section?.items;
	const item = Array.isArray(items) ? (items[path[3]] as { id?: unknown } | undefined) : undefined;
	return typeof item?.id === 'string' ? item.id : undefined;
}
