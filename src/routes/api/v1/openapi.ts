import type { OpenAPIV3_1 } from 'openapi-types';
import { channels, collectorModes } from '#lib/core/collection/collectors.ts';

/**
 * The OpenAPI 3.1 description of the JSON API, written by hand and served at
 * `/api/v1/openapi.json`. `openapi.test.ts` validates it and checks that it lists exactly the
 * routes under `src/routes/api/v1`.
 */
const localizedText: OpenAPIV3_1.SchemaObject = {
	type: 'object',
	description: 'Text in Finnish, Swedish and English; the base language is always present.',
	properties: { fi: { type: 'string' }, sv: { type: 'string' }, en: { type: 'string' } },
	additionalProperties: false
};

const error: OpenAPIV3_1.SchemaObject = {
	type: 'object',
	required: ['error'],
	properties: {
		error: {
			type: 'object',
			required: ['code', 'message'],
			properties: {
				code: { type: 'string', description: 'Stable error code, e.g. `collector_not_found`, `round_closed`, `token_used`.' },
				message: { type: 'string', description: 'Localised by Accept-Language (fi, sv, en).' }
			}
		},
		issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } }
	}
};

const slug: OpenAPIV3_1.ParameterObject = {
	name: 'slug',
	in: 'path',
	required: true,
	description: "The collector's slug: the last part of its respondent URL (`/s/demo` → `demo`).",
	schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }
};

const mode: OpenAPIV3_1.ParameterObject = {
	name: 'mode',
	in: 'query',
	required: false,
	description: 'Which page the slug belongs to: `survey` (`/s/`, default), `kiosk` (`/k/`) or `pulse` (`/p/`). A slug is unique within its mode.',
	schema: { type: 'string', enum: [...collectorModes], default: 'survey' }
};

const acceptLanguage: OpenAPIV3_1.ParameterObject = {
	name: 'Accept-Language',
	in: 'header',
	required: false,
	description: 'Language of error messages and issues (fi, sv or en; default fi).',
	schema: { type: 'string' }
};

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

export const openApiDocument: OpenAPIV3_1.Document = {
	openapi: '3.1.0',
	info: {
		title: 'Aspa API',
		version: '1.0.0',
		description:
			'Collection API of Aspa: fetch a collector\'s questionnaire and submit responses with the same checks and idempotency as the respondent pages. Respondent endpoints need no authentication. No rate limit yet.',
		license: { name: 'MIT', identifier: 'MIT' }
	},
	servers: [{ url: '/api/v1' }],
	paths: {
		'/collectors/{slug}/instrument': {
			get: {
				operationId: 'getCollectorInstrument',
				summary: "A collector's published questionnaire, round status and languages",
				parameters: [slug, mode, acceptLanguage],
				responses: {
					'200': {
						description: 'The questionnaire the collector asks now (the open round, else the next, else the last).',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/CollectorInstrument' } } }
					},
					'400': errorResponse('Unknown `mode`.'),
					'404': errorResponse('No such collector (or it was archived): `collector_not_found`.')
				}
			}
		},
		'/collectors/{slug}/responses': {
			post: {
				operationId: 'submitResponse',
				summary: 'Submit one response (idempotent by submissionId)',
				parameters: [slug, mode, acceptLanguage],
				requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Submission' } } } },
				responses: {
					'201': { description: 'Stored (committed).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Stored' } } } },
					'200': {
						description: 'This submissionId was stored before: nothing new was stored, the same ids are returned.',
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Stored' } } }
					},
					'400': errorResponse('Bad JSON, a submissionId that is not a UUID, a missing or unknown token (`token_required`, `token_invalid`), or answers with `issues` (`submission_invalid`).'),
					'404': errorResponse('No such collector: `collector_not_found`.'),
					'409': errorResponse('The round is not open (`round_not_open`, `round_closed`) or the token was used (`token_used`).')
				}
			}
		},
		'/openapi.json': {
			get: {
				operationId: 'getOpenApi',
				summary: 'This document',
				responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } } }
			}
		}
	},
	components: {
		schemas: {
			LocalizedText: localizedText,
			Error: error,
			Issue: {
				type: 'object',
				required: ['itemId', 'field', 'code', 'message'],
				properties: {
					itemId: { type: 'string' },
					field: { type: 'string', description: 'The answer field, e.g. `q.service` or `q.staff.friendly`.' },
					code: {
						type: 'string',
						enum: ['required', 'incomplete', 'multiple_values', 'not_an_option', 'out_of_range', 'not_a_number', 'not_a_whole_number', 'not_a_date', 'too_few_selections', 'too_many_selections', 'too_long']
					},
					message: { type: 'string', description: 'Localised by Accept-Language.' }
				}
			},
			CollectorInstrument: {
				type: 'object',
				required: ['collector', 'study', 'round', 'status', 'instrumentVersionId', 'languages', 'baseLanguage', 'definition', 'optionSources', 'privacyNotice'],
				properties: {
					collector: {
						type: 'object',
						properties: { slug: { type: 'string' }, mode: { type: 'string', enum: [...collectorModes] }, channel: { type: 'string', enum: [...channels] } }
					},
					study: {
						type: 'object',
						properties: {
							key: { type: 'string' },
							name: { $ref: '#/components/schemas/LocalizedText' },
							usesTokens: { type: 'boolean' },
							onePerDevice: { type: 'boolean' }
						}
					},
					round: {
						type: ['object', 'null'],
						properties: {
							key: { type: 'string' },
							name: { $ref: '#/components/schemas/LocalizedText' },
							opensAt: { type: 'string', format: 'date-time' },
							closesAt: { type: 'string', format: 'date-time' }
						}
					},
					status: { type: 'string', enum: ['open', 'not_yet_open', 'closed'] },
					library: {
						type: ['object', 'null'],
						properties: { key: { type: 'string' }, nameFi: { type: 'string' }, nameSv: { type: ['string', 'null'] } }
					},
					instrumentVersionId: { type: 'integer' },
					languages: { type: 'array', items: { type: 'string', enum: ['fi', 'sv', 'en'] } },
					baseLanguage: { type: 'string', enum: ['fi', 'sv'] },
					definition: {
						type: 'object',
						description: 'The instrument definition (schemaVersion 1; see docs/adr/0010-instrument-model.md). Answer fields are named `q.<itemId>[.<part>]`.'
					},
					optionSources: {
						type: 'object',
						description: 'Options filled at run time: `libraries` (the study\'s libraries, code = library key).',
						additionalProperties: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { $ref: '#/components/schemas/LocalizedText' } } } }
					},
					privacyNotice: {
						type: 'object',
						properties: {
							controller: { $ref: '#/components/schemas/LocalizedText' },
							purpose: { $ref: '#/components/schemas/LocalizedText' },
							retention: { $ref: '#/components/schemas/LocalizedText' },
							contact: { $ref: '#/components/schemas/LocalizedText' }
						}
					}
				}
			},
			Submission: {
				type: 'object',
				required: ['submissionId', 'answers'],
				properties: {
					submissionId: { type: 'string', format: 'uuid', description: 'Made by the client once per response; a retry sends the same id.' },
					language: { type: 'string', enum: ['fi', 'sv', 'en'], description: 'The language answered in (default: from Accept-Language).' },
					answers: {
						type: 'object',
						description: 'Answer field → value or values, as the HTML form posts them: `{ "q.service": 4, "q.channels": ["web", "desk"], "q.staff.friendly": "na" }`.',
						additionalProperties: {
							oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'number' }] } }]
						}
					},
					token: { type: 'string', description: 'One-time code of a closed population (`XXXX-XXXX-XXXX`).' }
				}
			},
			Stored: {
				type: 'object',
				required: ['responseId', 'submissionId'],
				properties: { responseId: { type: 'integer' }, submissionId: { type: 'string', format: 'uuid' } }
			}
		}
	}
};
