import type { Instrument } from '../instrument.ts';
import { issue, type InstrumentIssue, type InstrumentIssueCode } from '../instrument-issues.ts';
import { validateInstrument } from '../validate.ts';

/**
 * What every builder operation returns: the new definition, already through `validateInstrument`,
 * or the issues that stop it, each naming the item. Operations never change their input.
 */
export type BuilderResult = { ok: true; instrument: Instrument } | { ok: false; issues: InstrumentIssue[] };

/** Validates a changed copy: the builder never hands back a definition the model would refuse. */
export function finish(draft: unknown): BuilderResult {
	const result = validateInstrument(draft);
	return result.ok ? { ok: true, instrument: result.instrument } : { ok: false, issues: result.issues };
}

export function refuse(code: InstrumentIssueCode, path: string, message: string, itemId?: string): BuilderResult {
	return { ok: false, issues: [issue(code, path, message, itemId)] };
}

/** A deep copy to change; definitions are plain JSON. */
export function copyOf(instrument: Instrument): Instrument {
	return structuredClone(instrument);
}
