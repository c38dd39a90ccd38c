import { m } from '#lib/paraglide/messages.js';

/**
 * The report's filters as they come in the query string (DESIGN URL scheme): `round` and
 * `compare` are round keys (`compare=none`: no comparison; absent: the previous round), `channel`,
 * `language`, `segment` = `key:group` (a value or a derived group such as `age_band:45-plus`) and
 * `breakdown` = a segment key. Parsed once here; unknown keys are left for the service to refuse.
 *
 * The answer cube does not cross a segment with a channel, a language or another segment, so a
 * query that asks for both keeps the customer group and drops the other part, with a notice.
 */
export interface ReportQuery {
	round: string | null;
	compare: string | null;
	channel: string | null;
	language: string | null;
	segment: { key: string; group: string } | null;
	breakdown: string | null;
}

export interface ParsedReportQuery {
	query: ReportQuery;
	/** Localised sentences about parts of the query that were left out. */
	notices: string[];
	/** The query parameters as the form should show them after the changes. */
	values: Record<string, string>;
}

const param = (search: URLSearchParams, name: string): string | null => {
	const value = search.get(name)?.trim();
	return value ? value : null;
};

export function parseReportQuery(search: URLSearchParams): ParsedReportQuery {
	const segmentText = param(search, 'segment');
	const separator = segmentText?.indexOf(':') ?? -1;
	const segment = segmentText && separator > 0 ? { key: segmentText.slice(0, separator), group: segmentText.slice(separator + 1) } : null;
	const query: ReportQuery = {
		round: param(search, 'round'),
		compare: param(search, 'compare'),
		channel: param(search, 'channel'),
		language: param(search, 'language'),
		segment: segment && segment.group ? segment : null,
		breakdown: param(search, 'breakdown')
	};
	const notices: string[] = [];
	if (query.segment && query.breakdown) {
		query.breakdown = null;
		notices.push(m.report_filter_conflict_breakdown());
	}
	if ((query.segment || query.breakdown) && (query.channel || query.language)) {
		query.channel = null;
		query.language = null;
		notices.push(m.report_filter_conflict_channel());
	}
	const values: Record<string, string> = {};
	if (query.round) values.round = query.round;
	if (query.compare) values.compare = query.compare;
	if (query.channel) values.channel = query.channel;
	if (query.language) values.language = query.language;
	if (query.segment) values.segment = `${query.segment.key}:${query.segment.group}`;
	if (query.breakdown) values.breakdown = query.breakdown;
	return { query, notices, values };
}
