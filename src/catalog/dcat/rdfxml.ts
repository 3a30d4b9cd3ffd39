/**
 * A small RDF/XML writer (RDF 1.1 XML Syntax), for triples in the default graph: one
 * `rdf:Description` per subject (`rdf:about`, or `rdf:nodeID` for a blank node), one property
 * element per triple — `rdf:resource`/`rdf:nodeID` for a node, text with `xml:lang` or
 * `rdf:datatype` for a literal. Blank nodes are relabelled b0, b1… (valid NCNames).
 * Throws on what RDF/XML cannot carry: a predicate IRI without an NCName ending, or a
 * literal with characters XML 1.0 forbids.
 */
import type { Quad, Term } from 'n3';

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF_NS}langString`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NCNAME_START = /[A-Za-z_]/;
const NCNAME_CHAR = /[A-Za-z0-9_.-]/;
/** RDF names that are syntax, not properties, in RDF/XML (rdf:li would be renumbered on parsing). */
const NOT_PROPERTIES = new Set(
  [
    'RDF',
    'Description',
    'ID',
    'about',
    'bagID',
    'parseType',
    'resource',
    'nodeID',
    'aboutEach',
    'aboutEachPrefix',
    'datatype',
    'li',
  ].map((n) => `${RDF_NS}${n}`),
);

const escText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

const escAttr = (s: string): string =>
  escText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

/** Splits an IRI into namespace and an NCName local part, as an XML element name needs. */
export function splitIri(iri: string): [string, string] {
  let i = iri.length;
  while (i > 0 && NCNAME_CHAR.test(iri.charAt(i - 1))) i--;
  while (i < iri.length && !NCNAME_START.test(iri.charAt(i))) i++;
  if (i >= iri.length || i === 0) throw new Error(`RDF/XML cannot name the predicate <${iri}>`);
  return [iri.slice(0, i), iri.slice(i)];
}

class Names {
  private readonly byNs = new Map<string, string>();
  private readonly blanks = new Map<string, string>();

  constructor(prefixes: Readonly<Record<string, string>>) {
    this.byNs.set(RDF_NS, 'rdf');
    for (const [p, ns] of Object.entries(prefixes)) if (!this.byNs.has(ns)) this.byNs.set(ns, p);
  }

  qname(iri: string): string {
    const [ns, local] = splitIri(iri);
    let prefix = this.byNs.get(ns);
    if (prefix === undefined) {
      prefix = `ns${this.byNs.size}`;
      this.byNs.set(ns, prefix);
    }
    return `${prefix}:${local}`;
  }

  blank(label: string): string {
    let id = this.blanks.get(label);
    if (id === undefined) {
      id = `b${this.blanks.size}`;
      this.blanks.set(label, id);
    }
    return id;
  }

  declarations(): string {
    return [...this.byNs].map(([ns, p]) => `\n    xmlns:${p}="${escAttr(ns)}"`).join('');
  }
}

const nodeAttr = (names: Names, t: Term, iriAttr: 'rdf:about' | 'rdf:resource'): string => {
  if (t.termType === 'NamedNode') return `${iriAttr}="${escAttr(t.value)}"`;
  if (t.termType === 'BlankNode') return `rdf:nodeID="${names.blank(t.value)}"`;
  throw new Error(`RDF/XML: ${t.termType} cannot be a node here`);
};

function propertyElement(names: Names, q: Quad): string {
  if (NOT_PROPERTIES.has(q.predicate.value))
    throw new Error(`RDF/XML cannot use <${q.predicate.value}> as a property`);
  const name = names.qname(q.predicate.value);
  const o = q.object;
  if (o.termType !== 'Literal') return `    <${name} ${nodeAttr(names, o, 'rdf:resource')}/>`;
  if (NOT_XML.test(o.value)) throw new Error('RDF/XML cannot carry a literal with XML-forbidden characters');
  const dt = o.datatype.value;
  const attr = o.language
    ? ` xml:lang="${escAttr(o.language)}"`
    : dt === XSD_STRING || dt === LANG_STRING
      ? ''
      : ` rdf:datatype="${escAttr(dt)}"`;
  return `    <${name}${attr}>${escText(o.value)}</${name}>`;
}

/** Serialises the quads' triples (their graphs are ignored) as an RDF/XML document. */
export function writeRdfXml(quads: Iterable<Quad>, prefixes: Readonly<Record<string, string>>): string {
  const names = new Names(prefixes);
  const bySubject = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const entry = bySubject.get(key) ?? { subject: q.subject, quads: [] };
    entry.quads.push(q);
    bySubject.set(key, entry);
  }
  const body: string[] = [];
  for (const { subject, quads: qs } of bySubject.values()) {
    body.push(`  <rdf:Description ${nodeAttr(names, subject, 'rdf:about')}>`);
    for (const q of qs) body.push(propertyElement(names, q));
    body.push('  </rdf:Description>');
  }
  // Declarations last: property elements may have added generated prefixes.
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${names.declarations()}>\n${body.join('\n')}\n</rdf:RDF>\n`;
}
