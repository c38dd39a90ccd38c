import { loadTokenPage, submitTokenPage } from '../../set-password-route.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadTokenPage(event, 'invite');
export const actions: Actions = { default: (event) => submitTokenPage(event, 'invite') };
