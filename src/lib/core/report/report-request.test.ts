import { describe, expect, it } from 'vitest';
import type { SegmentInfo } from './report-inputs.ts';
import { resolveReportFilter } from './report-request.ts';

const rounds = [
	{ id: 11, key: 'r1' },
	{ id: 12, key: 'r2' },
	{ id: 13, key: 'r3' }
];
const segments: SegmentInfo[] = [
	{
		key: 'age_band',
		label: 'Ikä',
		itemId: 'age',
		values: [
			{ code: '15-29', label: '15–29' },
			{ code: '45-64', label: '45–64' }
		],
		derived: [{ segment: 'age_band', key: '45-plus', label: { fi: '45+' }, labelText: '45+', values: ['45-64', '65-plus'] }]
	}
];

describe('resolveReportFilter', () => {
	it('takes the latest round and the one before it when none is asked for', () => {
		expect(resolveReportFilter({}, rounds, segments)).toEqual({
			ok: true,
			filter: { roundId: 13, compareRoundId: 12, channel: null, language: null, segment: null, breakdown: null }
		});
	});

	it('compares with a chosen round, or with none', () => {
		expect(resolveReportFilter({ round: 'r3', compare: 'r1' }, rounds, segments)).toMatchObject({ ok: true, filter: { roundId: 13, compareRoundId: 11 } });
		expect(resolveReportFilter({ round: 'r2', compare: 'none' }, rounds, segments)).toMatchObject({ ok: true, filter: { roundId: 12, compareRoundId: null } });
		expect(resolveReportFilter({ round: 'r1' }, rounds, segments)).toMatchObject({ ok: true, filter: { roundId: 11, compareRoundId: null } });
	});

	it('reads a segment as key:group, a derived group included', () => {
		expect(resolveReportFilter({ segment: 'age_band:45-plus' }, rounds, segments)).toMatchObject({ ok: true, filter: { segment: { key: 'age_band', group: '45-plus' } } });
		expect(resolveReportFilter({ segment: { key: 'age_band', group: '15-29' } }, rounds, segments)).toMatchObject({ ok: true });
	});

	it('names each field it cannot use', () => {
		expect(resolveReportFilter({ round: 'r9', compare: 'r3', channel: 'fax', language: 'de', segment: 'age_band:99', breakdown: 'shoe_size' }, rounds, segments)).toEqual({
			ok: false,
			fields: { round: 'invalid_choice', channel: 'invalid_choice', language: 'invalid_choice', segment: 'invalid_choice', breakdown: 'invalid_choice' }
		});
		expect(resolveReportFilter({ round: 'r3', compare: 'r3' }, rounds, segments)).toEqual({ ok: false, fields: { compare: 'invalid_choice' } });
		expect(resolveReportFilter({ segment: 'age_band' }, rounds, segments)).toEqual({ ok: false, fields: { segment: 'invalid_choice' } });
	});

	it('refuses what the cube cannot cross: a segment with a channel, a breakdown with a segment filter', () => {
		expect(resolveReportFilter({ segment: 'age_band:15-29', channel: 'web' }, rounds, segments)).toEqual({ ok: false, fields: { channel: 'combination' } });
		expect(resolveReportFilter({ segment: 'age_band:15-29', breakdown: 'age_band' }, rounds, segments)).toEqual({ ok: false, fields: { breakdown: 'combination' } });
		expect(resolveReportFilter({ breakdown: 'age_band', language: 'sv' }, rounds, segments)).toEqual({ ok: false, fields: { channel: 'combination' } });
	});
});
