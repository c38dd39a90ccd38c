import { normaliseCode } from '#lib/core/collection/codes.ts';
import type { Language } from '#lib/core/instrument/localized-text.ts';
import { findPartial } from '#lib/server/db/partial-responses.ts';
import type { Deps } from '../deps.ts';
import { hashCode } from './codes.ts';
import { loadCollectorContext, type CollectorRef } from './collector-context.ts';
import { resumeCodeInvalid } from './save-progress.ts';

/**
 * The values saved under a resume code, to fill the form again. A typo, an expired code and a
 * code of another collector all read as "no saved answers" (`resume_code_invalid`).
 */
export async function resumeProgress(
	deps: Deps,
	input: { collector: CollectorRef; code: string }
): Promise<{ values: Record<string, string | string[]>; language: Language; expiresAt: Date }> {
	const now = deps.now();
	const context = await loadCollectorContext(deps.db, input.collector, now);
	const code = normaliseCode(input.code);
	const saved = code ? await findPartial(deps.db, hashCode('resume', code), now) : undefined;
	if (!saved || saved.collectorId !== context.collector.id) throw resumeCodeInvalid();
	return { values: saved.formValues, language: saved.language, expiresAt: saved.expiresAt };
}
