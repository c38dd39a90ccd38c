/**
 * Figures published in the PiKe staff survey 2018 report (source 001), keyed by the template's
 * item, row and scale values, for report tests: a report built from responses distributed like
 * these must print the same percentages. Percentages are rounded each on its own, as published,
 * so a row may total 99 or 101 (Tabletti: 5 + 43 + 53 = 101).
 */
export const staffSurvey2018Reference = {
	respondents: 244,
	/** Share of respondents by `gender` option code, in %. */
	gender: { female: 83, male: 13, other_or_none: 4 },
	/**
	 * "Miten usein käytät asiakaspalvelussa seuraavia työvälineitä?" in %, by row id and scale
	 * value: 1 = daily or several times a week, 2 = weekly or less, 3 = never. Published order.
	 */
	tools: {
		library_system: { 1: 99, 2: 1, 3: 0 },
		computer: { 1: 96, 2: 3, 3: 0 },
		email: { 1: 73, 2: 25, 3: 2 },
		web_library: { 1: 45, 2: 52, 3: 3 },
		booking_software: { 1: 42, 2: 28, 3: 30 },
		databases: { 1: 33, 2: 62, 3: 5 },
		smartphone: { 1: 33, 2: 34, 3: 33 },
		printed_sources: { 1: 19, 2: 74, 3: 7 },
		social_media: { 1: 17, 2: 56, 3: 27 },
		tablet: { 1: 5, 2: 43, 3: 53 }
	}
} as const;
