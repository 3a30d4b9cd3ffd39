import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { id } from './id.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted key, value]. */
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );

const placeholders = (text: string): string[] =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

describe('i18n catalogs', () => {
  const idLeaves = new Map(leaves(id));
  const enLeaves = new Map(leaves(en));

  it('have the same keys in Indonesian and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...idLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...idLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of idLeaves)
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(value));
  });
});
