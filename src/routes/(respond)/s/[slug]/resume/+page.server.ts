import { loadSurveyPage } from '../../../survey-page.server.ts';
import { resumeAction } from '../../../actions.server.ts';
import type { Actions, PageServerLoad } from './$types';

/** `/s/demo/resume`: enter the resume code from a partial save; the form comes back filled in. */
export const load: PageServerLoad = (event) => loadSurveyPage(event, 'survey', { linkPath: event.url.pathname });

export const actions = { default: (event) => resumeAction(event, 'survey') } satisfies Actions;
