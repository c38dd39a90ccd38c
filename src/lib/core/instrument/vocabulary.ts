/**
 * Open vocabularies of the instrument model: quality-dimension tags on items and segment keys on
 * background items. Definitions may use other slugs too (the lists are open); these are the ones
 * reports know by name, drawn from the source documents (000: customer survey strengths and
 * improvement areas; 001: staff survey; 003: what mystery shoppers observed).
 */
export const qualityDimensions = {
	friendliness: 'Staff are friendly (000: a strength).',
	courtesy: 'Staff are courteous and polite (000: a strength).',
	positivity: 'Service feels positive and cheerful (000; 001 "Palvelumme on iloista").',
	approachability: 'Staff and service points are easy to approach (000; 001).',
	expertise: 'Staff offer their expertise in a way customers value (000: improvement area).',
	proactivity: 'Active, proactive service: staff step out and recommend (000; 001 active service).',
	accessibility: 'Premises and services are accessible to everyone (licence module A2).',
	digital_services: 'Service in digital channels: web library, chat, e-mail, social media, e-materials (000).',
	signage: 'Signs and guidance in the premises (003).',
	tidiness: 'Tidy premises and service points (001; 003).',
	material_display: 'How materials are displayed (003).',
	auxiliary_services: 'Auxiliary services such as copying, scanning and devices (003).',
	fees: 'Fees and how they are explained, a critical point in customer feedback (003).',
	equality: 'Different customers are met as equals (001).',
	consistency: 'Even quality and shared service practices across libraries (000; 001).',
	completion: 'Service situations are seen through to the end (001).',
	identifiability: 'Staff can be recognised as staff (001: identification items).',
	future_use: 'The customer intends to use the library more (000).'
} as const satisfies Record<string, string>;
export type KnownQualityDimension = keyof typeof qualityDimensions;

/**
 * Segment keys: a single or multiple choice item marked `segment` has the respondent's answer
 * copied onto the response row, so every report can break down by it without joining answers.
 */
export const segmentKeys = {
	age_band: 'Age band, e.g. under-15, 15-29, 30-44, 45-64, 65-plus (000 compares 15–29 with 45+).',
	gender: 'Gender (001: woman / man / other or no answer).',
	education: 'Highest education (000: the library resonates best with the academically educated).',
	life_situation: 'Life situation: families with children, seniors, students, working, … (000).',
	home_library: "The respondent's own library; options come from the study's libraries.",
	workplace: "A staff member's workplace; options come from the study's libraries (001).",
	language: 'Language the respondent mostly uses.'
} as const satisfies Record<string, string>;
export type KnownSegmentKey = keyof typeof segmentKeys;

/** Slugs for ids, tags and segment keys: lower case, starting with a letter, no dots. */
export const slugPattern = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * Option codes may start with a digit (`15-29`) and match organisation keys, so that options
 * filled from the study's libraries use library keys as codes.
 */
export const optionCodePattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
