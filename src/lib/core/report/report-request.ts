import { channels } from '../collection/collectors.ts';
import { locales } from '../org-types.ts';
import { filterProblem } from './build-report.ts';
import type { ReportFilter } from './model.ts';
import { isSegmentGroup, type SegmentInfo } from './report-inputs.ts';

/**
 * A report's filter as asked (the URL's query parameters, a public link's stored filter, the CLI):
 * `round` and `compare` are round keys (`compare=none`: no comparison; absent: the round before),
 * `segment` is `key:group` (a value or a derived group), `breakdown` a segment key. Resolved
 * against the study's rounds and the instrument's segments, or refused field by field with the
 * problem codes the report-link form uses too (`invalid_choice`, `combination`).
 */
export interface ReportQueryInput {
	round?: string | null;
	compare?: string | null;
	channel?: string | null;
	language?: string | null;
	segment?: { key: string; group: string } | string | null;
	breakdown?: string | null;
}

export type ResolvedFilter = { ok: true; filter: ReportFilter } | { ok: false; fields: Record<string, string> };

/** `rounds`: the rounds a report may show, earliest first; without `round` the latest is shown. */
export function resolveReportFilter(query: ReportQueryInput, rounds: readonly { id: number; key: string }[], segments: readonly SegmentInfo[]): ResolvedFilter {
	const fields: Record<string, string> = {};
	const text = (value: string | null | undefined) => (value ?? '').trim() || null;
	const roundKey = text(query.round);
	const round = roundKey === null ? rounds.at(-1) : rounds.find((candidate) => candidate.key === roundKey);
	if (!round) fields.round = 'invalid_choice';
	const compareKey = text(query.compare);
	let compareRoundId: number | null = null;
	if (round && compareKey === null) compareRoundId = rounds[rounds.indexOf(round) - 1]?.id ?? null;
	else if (round && compareKey !== 'none') {
		const compare = rounds.find((candidate) => candidate.key === compareKey);
		if (!compare || compare.id === round.id) fields.compare = 'invalid_choice';
		else compareRoundId = compare.id;
	}
	const channel = text(query.channel);
	if (channel !== null && !(channels as readonly string[]).includes(channel)) fields.channel = 'invalid_choice';
	const language = text(query.language);
	if (language !== null && !(locales as readonly string[]).includes(language)) fields.language = 'invalid_choice';
	const segment = parseSegment(query.segment);
	if (segment === 'invalid' || (segment && !isSegmentGroup(segments, segment.key, segment.group))) fields.segment = 'invalid_choice';
	const breakdown = text(query.breakdown);
	if (breakdown !== null && !segments.some((candidate) => candidate.key === breakdown)) fields.breakdown = 'invalid_choice';
	if (Object.keys(fields).length > 0 || !round || segment === 'invalid') return { ok: false, fields };
	const filter: ReportFilter = { roundId: round.id, compareRoundId, channel, language, segment, breakdown };
	if (filterProblem(filter)) return { ok: false, fields: { [breakdown && segment ? 'breakdown' : 'channel']: 'combination' } };
	return { ok: true, filter };
}

function parseSegment(value: ReportQueryInput['segment']): { key: string; group: string } | null | 'invalid' {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') return value.key && value.group ? value : 'invalid';
	const trimmed = value.trim();
	if (trimmed === '') return null;
	const separator = trimmed.indexOf(':');
	if (separator <= 0 || separator === trimmed.length - 1) return 'invalid';
	return { key: trimmed.slice(0, separator), group: trimmed.slice(separator + 1) };
}
