import { json } from '@sveltejs/kit';
import { openApiDocument } from '../openapi.ts';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 description of this API (openapi.ts). */
export const GET: RequestHandler = () => json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } });
