/**
 * The templates of the error messages the source raises, read from its syntax tree: the string and
 * template literals given to the error helpers of core/errors.ts and to policies' `deny`
 * (`${x}` written `{x}`). For messages.test.ts, which checks that each has its Indonesian text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Helpers whose arguments are messages: every literal in them, except those named below. */
const MESSAGE_CALLS = new Set([
  'validation',
  'deny',
  'forbidden',
  'badRequest',
  'conflict',
  'notFound',
  'unauthorized',
  'tooManyRequests',
  'methodNotAllowed',
]);

export interface Template {
  readonly text: string;
  readonly where: string;
}

function literal(node: ts.Node, sf: ts.SourceFile): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return (
      node.head.text +
      node.templateSpans.map((s) => `{${s.expression.getText(sf)}}${s.literal.text}`).join('')
    );
  return undefined;
}

/** Templates under `root` (source files, not tests): the literals `pick` hands to `take`. */
function collect(root: string, pick: (node: ts.Node, take: (node: ts.Node) => void) => void): Template[] {
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(root, f));
  const found: Template[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const take = (node: ts.Node) => {
      const text = literal(node, sf);
      if (text !== undefined) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ text, where: `${relative(root, file)}:${line}` });
        return;
      }
      // Keys of a validation's fields are field names; conditions pick between messages.
      if (ts.isPropertyAssignment(node)) return take(node.initializer);
      if (ts.isConditionalExpression(node)) {
        take(node.whenTrue);
        take(node.whenFalse);
        return;
      }
      ts.forEachChild(node, take);
    };
    const visit = (node: ts.Node) => {
      pick(node, take);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Every message template under `root` (source files, not tests). */
export const messageTemplates = (root: string): Template[] =>
  collect(root, (node, take) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      if (MESSAGE_CALLS.has(name)) for (const arg of node.arguments) take(arg);
      // addFieldError(errors, field, message)
      if (name === 'addFieldError' && node.arguments[2]) take(node.arguments[2]);
    }
  });

/**
 * The reasons region resolution gives (src/regions/resolve): `unresolved(reason, …)`,
 * `lower(match, factor, reason)` and every `reason:` written as text.
 */
export const regionReasonTemplates = (root: string): Template[] =>
  collect(root, (node, take) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      if (name === 'unresolved' && node.arguments[0]) take(node.arguments[0]);
      if (name === 'lower' && node.arguments[2]) take(node.arguments[2]);
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'reason') {
      const init = node.initializer;
      if (
        ts.isStringLiteral(init) ||
        ts.isTemplateExpression(init) ||
        ts.isNoSubstitutionTemplateLiteral(init) ||
        ts.isConditionalExpression(init)
      )
        take(init);
    }
  });
