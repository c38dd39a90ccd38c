import { loadSurveyPage } from '../../survey-page.server.ts';
import { respondActions } from '../../actions.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSurveyPage(event, 'survey');

const { submit, save, lang } = respondActions('survey');
export const actions = { submit, save, lang } satisfies Actions;
