/**
 * Typed answers, one per answered item, keyed by item id. These are what `checkSubmission`
 * returns and what `flattenAnswers` turns into storage rows.
 *
 * N/A (`'na'`) is an answer ("does not apply / can't say"): counted, but left out of means and
 * maxima. An item with no entry in `Answers` was not answered (missing), or was hidden.
 */
export type ScaleAnswer = number | 'na';

export type Answer =
	/** `code` is an option code, or `other` with the respondent's `otherText`. */
	| { kind: 'single_choice'; code: string; otherText?: string }
	/** Selected codes in the order of the options (`other` last), at least one. */
	| { kind: 'multiple_choice'; codes: string[]; otherText?: string }
	| { kind: 'rating'; value: ScaleAnswer }
	/** Answered rows only, at least one. */
	| { kind: 'matrix'; rows: Record<string, ScaleAnswer> }
	/** Either scale may be left blank unless the item is required; at least one is given. */
	| { kind: 'importance_performance'; importance?: ScaleAnswer; performance?: ScaleAnswer }
	/** All three levels, or N/A for the statement as a whole. */
	| { kind: 'libqual'; value: 'na' | LibqualLevels }
	| { kind: 'nps'; value: number }
	| { kind: 'school_grade'; value: number }
	| { kind: 'happy_index'; value: number }
	| { kind: 'checklist'; value: 'yes' | 'no' | 'na' }
	| { kind: 'number'; value: number }
	/** An ISO date, YYYY-MM-DD. */
	| { kind: 'date'; value: string }
	| { kind: 'short_text'; text: string }
	| { kind: 'long_text'; text: string };

export interface LibqualLevels {
	minimum: number;
	desired: number;
	perceived: number;
}

export type AnswerOf<K extends Answer['kind']> = Extract<Answer, { kind: K }>;
export type Answers = Record<string, Answer>;

/** The reserved option code of the "other, what?" choice. */
export const otherCode = 'other';
/** The field value, condition value and option code that mean N/A. */
export const naValue = 'na';

export const ipFacets = ['importance', 'performance'] as const;
export const libqualFacets = ['minimum', 'desired', 'perceived'] as const;
