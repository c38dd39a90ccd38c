/**
 * The answer cube: what reports read instead of raw answers (ADR 0015). The database keeps counts,
 * sums and sums of squares per study × round × library × (channel, language | segment) × item ×
 * facet × value, current on every submit, delete and import; a report asks for them summed into the
 * groups it shows (a library, a municipality, a network as they stood in each round) and computes
 * every statistic here in core from those sums.
 */

/**
 * `itemId` of the rows that count respondents (one per response) rather than answers; their
 * `facet` and `valueCode` are ''. Item '' also has facet '=inverted' (value '#'): respondents with
 * at least one LibQUAL triple dropped (n), and how many triples they lost (sum).
 */
export const respondentsItem = '';
/**
 * `facet` and `valueCode` of the row that counts the respondents who answered an item at all
 * (N/A counts as an answer; a LibQUAL triple dropped as inverted does too).
 */
export const answeredFacet = '*';
export const answeredValue = '*';
/** `valueCode` of an N/A answer (counted, left out of means). */
export const naValueCode = 'na';
/** `valueCode` of a free number (item kind `number`): only `n`, `sum` and `sumSq` are meaningful. */
export const numberValueCode = '#';
/**
 * Derived facets written by the fold for each respondent, so that per-respondent measures need no
 * raw answers: importance − performance (both answered, neither N/A), the Opportunity Index
 * importance + max(0, importance − performance), LibQUAL adequacy (perceived − minimum) and
 * superiority (perceived − desired), and the LibQUAL triples dropped as inverted.
 *
 * Inversion rule: a LibQUAL triple whose minimum is above its desired level is left out of the
 * item's minimum/desired/perceived rows and of both gaps, and counted once under '=inverted'
 * (value '#', n = triples dropped). Nothing else of the respondent is dropped.
 *
 * Value codes: the gaps (=gap, =adequacy, =superiority) carry the sign of the value — '-', '0' or
 * '+' (`signCodes`) — so shares below, at and above zero are at hand (e.g. perceived ≥ desired =
 * superiority '0' + '+'); '=oi' and '=inverted' carry '#'. Means come from n, sum and sumSq summed
 * over the codes.
 */
export const derivedFacets = {
	gap: '=gap',
	opportunity: '=oi',
	adequacy: '=adequacy',
	superiority: '=superiority',
	inverted: '=inverted'
} as const;

/** `valueCode` of a derived gap: its sign. */
export const signCodes = { negative: '-', zero: '0', positive: '+' } as const;

/** One library's membership of a report group in one round (memberships as they stood then). */
export interface CubeGroupMember {
	/** The report's own name for the group, e.g. 'library:tampere-metso' or 'network:pike'. */
	group: string;
	roundId: number;
	libraryId: number;
}

export interface CubeQuery {
	studyId: number;
	/** Which libraries make up which group in which round; a library may be in several groups. */
	members: readonly CubeGroupMember[];
	/** Only this channel / language (then `segmentKey` must be null: the cube does not cross them). */
	channel: string | null;
	language: string | null;
	/**
	 * Split by this segment key (e.g. 'age_band'); null: all respondents together. A respondent
	 * without a value for the key is in no row; one with several values (a multiple-choice segment)
	 * is in the row of each, so summing the values of such a key counts some respondents twice
	 * (a derived group such as 45+ = 45–64 ∪ 65+ is an exact sum only for a one-value segment).
	 */
	segmentKey: string | null;
	/** Only these items (the respondent rows, item '', always come); null: every item. Dates and open text are not in the cube. */
	itemIds: readonly string[] | null;
}

/** One summed cell of the cube. */
export interface CubeRow {
	group: string;
	roundId: number;
	/** The segment value when the query split by a segment, else ''. */
	segmentValue: string;
	itemId: string;
	facet: string;
	valueCode: string;
	/** Answers (or respondents, for item ''). */
	n: number;
	/** Sum and sum of squares of the numeric values (0 for option codes and N/A). */
	sum: number;
	sumSq: number;
}
