import { DataFactory, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { coverageDatatype, fileTypeCode, markdownToText, mediaTypeIri } from './mappings.js';
import { splitIri, writeRdfXml } from './rdfxml.js';
import { toJsonLd, toRdfXml, toTurtle } from './serialize.js';
import { canonical, parseJsonLd, parseRdfXml, parseTurtle } from './testing.js';
import { cleanText, dct, PREFIXES, RDF_TYPE, xsd } from './vocab.js';

const { namedNode, literal, blankNode, quad } = DataFactory;
const ex = (s: string) => namedNode(`http://example.org/${s}`);

/** Literals and IRIs that need escaping in XML, plus blank nodes and an unknown namespace. */
function tricky(): Quad[] {
  const b1 = blankNode('1-a');
  const b2 = blankNode();
  return [
    quad(ex("a?x=1&y='2'"), RDF_TYPE, ex('Thing')),
    quad(ex("a?x=1&y='2'"), dct('title'), literal('Tom & Jerry <b>"quoted"</b> ]]> \'apos\'')),
    quad(ex("a?x=1&y='2'"), dct('title'), literal('Judul\tdengan\r\nbaris baru\n', 'id')),
    quad(ex("a?x=1&y='2'"), dct('description'), literal('')),
    quad(ex("a?x=1&y='2'"), dct('description'), literal('  spasi  ')),
    quad(ex("a?x=1&y='2'"), dct('alternative'), literal('日本語 — émoji 🎉', 'ja')),
    quad(ex("a?x=1&y='2'"), dct('issued'), literal('2024-01-02T03:04:05Z', xsd('dateTime'))),
    quad(
      ex("a?x=1&y='2'"),
      namedNode('http://other.example/vocab#size-in_bytes.v2'),
      literal('1', xsd('integer')),
    ),
    quad(ex("a?x=1&y='2'"), dct('relation'), b1),
    quad(b1, dct('relation'), b2),
    quad(b2, dct('title'), literal('kosong', xsd('string'))),
    quad(b2, dct('relation'), b1),
  ];
}

describe('RDF/XML writer', () => {
  it('round-trips through rdfxml-streaming-parser to an isomorphic graph', async () => {
    const quads = tricky();
    const xml = toRdfXml(quads);
    expect(xml).toContain('xmlns:ns');
    expect(xml).toContain('rdf:nodeID="b0"');
    const back = await parseRdfXml(xml);
    expect(back).toHaveLength(quads.length);
    expect(await canonical(back)).toEqual(await canonical(quads));
  });

  it('agrees with the Turtle and JSON-LD serialisations', async () => {
    const quads = tricky();
    const want = await canonical(quads);
    expect(await canonical(parseTurtle(await toTurtle(quads)))).toEqual(want);
    expect(await canonical(await parseJsonLd(await toJsonLd(quads)))).toEqual(want);
  });

  it('refuses what RDF/XML cannot express instead of writing wrong XML', () => {
    expect(() => splitIri('http://example.org/123')).toThrow(/cannot name/);
    expect(splitIri('http://purl.org/dc/terms/title')).toEqual(['http://purl.org/dc/terms/', 'title']);
    const bad = [quad(ex('s'), namedNode('http://example.org/p/9'), literal('x'))];
    expect(() => writeRdfXml(bad, PREFIXES)).toThrow();
    const li = [quad(ex('s'), namedNode(`${PREFIXES.rdf}li`), literal('x'))];
    expect(() => writeRdfXml(li, PREFIXES)).toThrow(/property/);
    const ctrl = [quad(ex('s'), dct('title'), literal('a\u0001b'))];
    expect(() => writeRdfXml(ctrl, PREFIXES)).toThrow(/XML-forbidden/);
    expect(cleanText('a\u0001b\uD800c')).toBe('abc');
  });
});

describe('DCAT mappings', () => {
  it('maps formats to EU file types and IANA media types', () => {
    expect(fileTypeCode('csv')).toBe('CSV');
    expect(fileTypeCode('.XLSX')).toBe('XLSX');
    expect(fileTypeCode('JSON-LD')).toBe('JSON_LD');
    expect(fileTypeCode('Parquet')).toBe('PARQUET');
    expect(fileTypeCode('API')).toBeUndefined();
    expect(mediaTypeIri(null, 'PARQUET')).toBe(
      'https://www.iana.org/assignments/media-types/application/vnd.apache.parquet',
    );
    expect(mediaTypeIri('text/csv; charset=utf-8', undefined)).toBe(
      'https://www.iana.org/assignments/media-types/text/csv',
    );
    expect(mediaTypeIri('not a type', 'SHP')).toBeUndefined();
  });

  it('types coverage dates by precision and renders Markdown as plain text', () => {
    expect(['2020', '2020-06', '2020-06-30', '20-6'].map(coverageDatatype)).toEqual([
      'gYear',
      'gYearMonth',
      'date',
      undefined,
    ]);
    expect(markdownToText('# Judul\n\nTeks *miring* dan `kode`.\n\n1. satu\n2. dua')).toBe(
      'Judul\n\nTeks miring dan kode.\n\n- satu\n- dua',
    );
    expect(markdownToText('<b>tidak dirender</b>')).toBe('<b>tidak dirender</b>');
  });
});
