import { loadThanks } from '../../../thanks.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadThanks(event, 'pulse');
