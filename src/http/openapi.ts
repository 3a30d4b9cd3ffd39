/** The OpenAPI 3.1 document, generated from the action registry (each action's TypeBox schema). */
import type { TSchema } from '@sinclair/typebox';
import type { ActionCatalog } from '../actions/types.js';
import { KENDALI_VERSION } from '../core/paths.js';

type Json = Record<string, unknown>;

const envelope = (result: Json): Json => ({
  type: 'object',
  required: ['help', 'success', 'result'],
  properties: { help: { type: 'string' }, success: { const: true }, result },
});

const ERROR: Json = {
  type: 'object',
  required: ['success', 'error'],
  properties: {
    help: { type: 'string' },
    success: { const: false },
    error: {
      type: 'object',
      required: ['__type', 'message'],
      properties: { __type: { type: 'string' }, message: { type: 'string' } },
      additionalProperties: { type: 'array', items: { type: 'string' }, description: 'field → messages' },
    },
  },
};

const errorResponses = (): Json =>
  Object.fromEntries(
    [
      ['400', 'Bad request (unknown action, malformed JSON)'],
      ['403', 'Authorization Error'],
      ['404', 'Not Found Error'],
      ['409', 'Validation Error (field → messages) or Conflict'],
      ['500', 'Internal Server Error'],
    ].map(([code, description]) => [
      code,
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );

/** Strips TypeBox's symbol keys by a JSON round trip. */
const plain = (schema: TSchema): Json => JSON.parse(JSON.stringify(schema)) as Json;

export function buildOpenApi(actions: ActionCatalog, baseUrl: string): Json {
  const paths: Json = {};
  for (const a of actions.list()) {
    const [summary = a.name, ...rest] = a.doc.trim().split('\n');
    const schema = plain(a.schema);
    const props = (schema.properties ?? {}) as Record<string, Json>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const ok = {
      description: 'CKAN envelope with the result',
      content: { 'application/json': { schema: envelope({}) } },
    };
    const common = {
      tags: [a.name.split('_')[0]],
      summary,
      description: rest.join('\n').trim() || undefined,
    };
    const item: Json = {
      post: {
        ...common,
        operationId: a.name,
        requestBody: { required: false, content: { 'application/json': { schema } } },
        responses: { '200': ok, ...errorResponses() },
      },
    };
    if (a.readOnly) {
      item.get = {
        ...common,
        operationId: `${a.name}_get`,
        parameters: Object.entries(props).map(([name, s]) => ({
          name,
          in: 'query',
          required: required.has(name),
          schema: s,
          description: s.description,
        })),
        responses: { '200': ok, ...errorResponses() },
      };
    }
    paths[`/api/3/action/${a.name}`] = item;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kendali API',
      version: KENDALI_VERSION,
      description:
        'CKAN-compatible Action API of Kendali. Read-only actions answer GET and POST; the others POST only. ' +
        'Every answer is CKAN’s envelope {help, success, result} or {success:false, error:{__type, message}}.',
    },
    servers: [{ url: baseUrl }],
    paths,
    components: { schemas: { Error: ERROR } },
  };
}
