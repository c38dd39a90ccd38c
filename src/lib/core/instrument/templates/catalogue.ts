import type { Instrument } from '../instrument.ts';
import { customerPromisePulse } from './customer-promise-pulse.ts';
import { customerServiceSurvey } from './customer-service-survey.ts';
import { staffSurvey2018 } from './staff-survey-2018.ts';
import { trainingDayFeedback } from './training-day-feedback.ts';

/** The templates a coordinator can start an instrument from; `build` returns a fresh copy. */
export interface InstrumentTemplate {
	key: string;
	/** Number of the source document (000–004) the template follows. */
	source: string;
	build: () => Instrument;
}

export const instrumentTemplates: readonly InstrumentTemplate[] = [
	{ key: 'customer-service-survey', source: '000', build: customerServiceSurvey },
	{ key: 'staff-survey-2018', source: '001', build: staffSurvey2018 },
	{ key: 'training-day-feedback', source: '002', build: trainingDayFeedback },
	{ key: 'customer-promise-pulse', source: '003', build: () => customerPromisePulse() }
];
