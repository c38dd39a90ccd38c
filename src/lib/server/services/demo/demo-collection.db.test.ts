import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeDb, type TestEnv } from '../../../../test/db.ts';
import { loadDemo } from '../load-demo.ts';
import { openCollectorForRespondent } from '../collection/open-collector-for-respondent.ts';
import { submitResponse } from '../collection/submit-response.ts';
import { demoStaffTokens } from './demo-collection.ts';
import { customerVolumes } from './demo-responses.ts';
import { demoPulseTaps, demoStaffAnswered, demoStaffIssued } from './load-demo-responses.ts';

async function counts(env: TestEnv) {
	const count = async (table: 'instrument' | 'study' | 'studyRound' | 'collector' | 'response' | 'responseToken' | 'privacyNotice') =>
		Number((await env.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
	return {
		instruments: await count('instrument'),
		studies: await count('study'),
		rounds: await count('studyRound'),
		collectors: await count('collector'),
		responses: await count('response'),
		tokens: await count('responseToken'),
		notices: await count('privacyNotice')
	};
}

describeDb('collection demo', (env) => {
	it('loads studies whose pages /s/demo, /k/demo and /p/demo open, and a second load adds nothing', async () => {
		await loadDemo(env());
		const first = await counts(env());
		// Seven real submissions, then the generated ones (demo-responses.db.test.ts checks those).
		const generated = customerVolumes.reduce((sum, volume) => sum + volume.responses[0] + volume.responses[1], 0) + demoPulseTaps + demoStaffAnswered;
		expect(first).toMatchObject({ instruments: 4, studies: 3, rounds: 4, tokens: demoStaffTokens.length + demoStaffIssued, notices: 2, responses: 7 + generated });
		await loadDemo(env());
		expect(await counts(env())).toEqual(first);

		const survey = await openCollectorForRespondent(env(), { mode: 'survey', slug: 'demo' });
		expect(survey).toMatchObject({ status: 'open', study: { key: 'demo-customer' }, collector: { channel: 'web' }, library: { key: 'tampere-metso' } });
		expect(survey.privacyNotice.scope).toEqual({ type: 'global', id: null });
		expect(survey.optionSources.libraries?.some((option) => option.code === 'kouvola-main')).toBe(true);
		const kiosk = await openCollectorForRespondent(env(), { mode: 'kiosk', slug: 'demo' });
		expect(kiosk).toMatchObject({ study: { key: 'demo-customer' }, collector: { channel: 'kiosk', settings: { thankYouSeconds: 5 } } });
		const pulse = await openCollectorForRespondent(env(), { mode: 'pulse', slug: 'demo' });
		expect(pulse).toMatchObject({ status: 'open', study: { key: 'demo-pulse' }, collector: { channel: 'kiosk' } });
		expect(pulse.privacyNotice.controller.fi).toContain('Kyyti');
	});

	it('accepts each known staff-survey token once', async () => {
		const submit = (token: string) =>
			submitResponse(env(), { collector: { mode: 'survey', slug: 'demo-staff' }, submissionId: randomUUID(), values: {}, language: 'fi', token });
		expect((await submit(demoStaffTokens[0]!)).created).toBe(true);
		await expect(submit(demoStaffTokens[0]!)).rejects.toMatchObject({ code: 'token_used' });
	});
});
