import { loadSurveyPage } from '../../survey-page.server.ts';
import { respondActions } from '../../actions.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSurveyPage(event, 'kiosk');

// No partial save on a kiosk: the tablet is shared, and an abandoned form is cleared.
const { submit, lang } = respondActions('kiosk');
export const actions = { submit, lang } satisfies Actions;
