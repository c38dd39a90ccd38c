import { loadSurveyPage } from '../../survey-page.server.ts';
import { respondActions } from '../../actions.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSurveyPage(event, 'pulse');

const { submit, tap, lang } = respondActions('pulse');
export const actions = { submit, tap, lang } satisfies Actions;
