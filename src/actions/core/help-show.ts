import { type TSchema, Type } from '@sinclair/typebox';
import { notFound } from '../../core/errors.js';
import { publicPolicy } from '../policy.js';
import { defineAction } from '../types.js';

/** CKAN-style docstring: the doc text, then one `:param name: …` line per input field. */
export function actionHelp(doc: string, schema: TSchema, readOnly: boolean): string {
  const props = (schema.properties ?? {}) as Record<string, TSchema>;
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  const params = Object.entries(props).map(([key, s]) => {
    const type = Array.isArray(s.anyOf) ? 'any' : String(s.type ?? 'any');
    const desc = s.description ? ` ${String(s.description)}` : '';
    return `:param ${key}:${desc} (${type}${required.has(key) ? ', required' : ', optional'})`;
  });
  const method = readOnly ? 'GET or POST' : 'POST only';
  return [doc.trim(), '', `Method: ${method}.`, ...(params.length ? ['', ...params] : [])].join('\n');
}

export const helpShow = defineAction({
  name: 'help_show',
  doc: 'The help text of an action (as CKAN: a docstring with one :param line per input field).',
  readOnly: true,
  schema: Type.Object({ name: Type.String({ minLength: 1, description: 'Action name, e.g. status_show' }) }),
  policy: publicPolicy,
  handler: async (ctx, input) => {
    const action = ctx.services.actions.get(input.name);
    if (!action) throw notFound(`The action ${input.name} is not known`);
    return actionHelp(action.doc, action.schema, action.readOnly);
  },
});
