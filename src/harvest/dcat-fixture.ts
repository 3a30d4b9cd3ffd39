/**
 * A DCAT catalog for harvest tests, on 127.0.0.1 with a port of its own: two Turtle pages
 * written by hand in DCAT-AP style (`/catalog.ttl` → `hydra:next` → `/catalog.ttl?page=2`),
 * data files under `/files/`, and any other document a test puts in `docs`. `state` changes
 * what the pages say between runs; `mode` makes page 2 misbehave as real catalogs do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureFile } from './fixture.js';

export interface DcatFixtureState {
  /** Penduduk Kota Bandung (has dct:modified, a CSV distribution). */
  pendudukTitle: string;
  pendudukModified: string;
  /** Sekolah Dasar (no dct:modified: its change marker is a hash of its triples). */
  sekolahDescription: string;
  /** APBD Provinsi 2024 on page 2 (a JSON file behind an access URL); false: gone from the catalog. */
  apbd: boolean;
}

/** `ok`; `html`: page 2 answers an HTML page; `loop`: page 2's `hydra:nextPage` is page 1; `same`: page 2 answers page 1. */
export type DcatFixtureMode = 'ok' | 'html' | 'loop' | 'same';

export const PENDUDUK_CSV = 'kecamatan,tahun,jumlah\nCoblong,2024,130500\nSukajadi,2024,104200\n';
export const APBD_JSON =
  '[{"urusan":"Pendidikan","tahun":2024,"belanja":1250000},{"urusan":"Kesehatan","tahun":2024,"belanja":830000}]';

const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .
@prefix ianatext: <https://www.iana.org/assignments/media-types/text/> .
`;

const quote = (s: string): string => JSON.stringify(s);

export class DcatFixture {
  mode: DcatFixtureMode = 'ok';
  state: DcatFixtureState = DcatFixture.initialState();
  /** Data files by path (`/files/penduduk.csv`). */
  readonly files = new Map<string, FixtureFile>();
  /** Other documents by path and query (`/other.jsonld`). */
  readonly docs = new Map<string, FixtureFile>();
  /** Paths asked for, in order (query strings included). */
  readonly requests: string[] = [];
  readonly #server: Server;
  url = '';

  private constructor() {
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  static initialState(): DcatFixtureState {
    return {
      pendudukTitle: 'Jumlah Penduduk Kota Bandung',
      pendudukModified: '2025-03-01T08:00:00Z',
      sekolahDescription: 'Jumlah sekolah dasar negeri dan swasta per kecamatan.',
      apbd: true,
    };
  }

  static async start(): Promise<DcatFixture> {
    const f = new DcatFixture();
    await new Promise<void>((resolve) => f.#server.listen(0, '127.0.0.1', resolve));
    f.url = `http://127.0.0.1:${(f.#server.address() as AddressInfo).port}`;
    f.files.set('/files/penduduk.csv', { body: PENDUDUK_CSV });
    f.files.set('/files/apbd.json', { body: APBD_JSON, contentType: 'application/json' });
    return f;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Page 1: the catalog, two datasets and the link to page 2. */
  page1(): string {
    const b = this.url;
    const s = this.state;
    return `${PREFIXES}
<${b}/catalog> a dcat:Catalog ;
    dct:title "Katalog Data Kota Bandung"@id ;
    dct:description "Katalog data terbuka Pemerintah Kota Bandung."@id ;
    dct:publisher <${b}/#diskominfo> ;
    dcat:dataset <${b}/dataset/penduduk>, <${b}/id/dataset/Jumlah-Sekolah_SD> .

<${b}/#diskominfo> a foaf:Agent ;
    foaf:name "Diskominfo Kota Bandung" .

<${b}/dataset/penduduk> a dcat:Dataset ;
    dct:identifier "penduduk-kota-bandung" ;
    dct:title ${quote(s.pendudukTitle)}@id, "Population of Bandung City"@en ;
    dct:description "Jumlah penduduk menurut kecamatan."@id, "Population by district."@en ;
    dcat:keyword "kependudukan"@id, "penduduk"@id, "population"@en ;
    dct:issued "2024-01-10T00:00:00Z"^^xsd:dateTime ;
    dct:modified "${s.pendudukModified}"^^xsd:dateTime ;
    dcat:landingPage <${b}/dataset/penduduk.html> ;
    dct:publisher <${b}/#diskominfo> ;
    dcat:contactPoint [ a vcard:Kind ;
        vcard:fn "Bidang Statistik" ;
        vcard:hasEmail <mailto:statistik@bandung.go.id> ] ;
    dcat:distribution <${b}/dataset/penduduk/csv>, <${b}/dataset/penduduk/metodologi> .

<${b}/dataset/penduduk/csv> a dcat:Distribution ;
    dct:title "Penduduk per Kecamatan 2024"@id ;
    dcat:accessURL <${b}/dataset/penduduk.html> ;
    dcat:downloadURL <${b}/files/penduduk.csv> ;
    dct:format ft:CSV ;
    dcat:mediaType ianatext:csv ;
    dct:license <https://creativecommons.org/licenses/by/4.0/> ;
    dct:modified "2025-03-01T08:00:00Z"^^xsd:dateTime .

<${b}/dataset/penduduk/metodologi> a dcat:Distribution ;
    dct:title "Metodologi"@id ;
    dcat:accessURL <${b}/files/metodologi.pdf> ;
    dcat:mediaType <https://www.iana.org/assignments/media-types/application/pdf> .

<${b}/id/dataset/Jumlah-Sekolah_SD> a dcat:Dataset ;
    dct:title "Number of Primary Schools"@en, "Jumlah Sekolah Dasar"@id ;
    dct:description ${quote(s.sekolahDescription)}@id ;
    dcat:keyword "education"@en, "pendidikan"@en ;
    dcat:distribution [ a dcat:Distribution ;
        dcat:accessURL <${b}/sekolah> ;
        dct:format "HTML" ] .

<${b}/catalog.ttl> a hydra:PartialCollectionView ;
    hydra:totalItems ${s.apbd ? 3 : 2} ;
    hydra:first <${b}/catalog.ttl> ;
    hydra:next <${b}/catalog.ttl?page=2> ;
    hydra:last <${b}/catalog.ttl?page=2> .
`;
  }

  /** Page 2: one dataset (none once APBD is gone) and no next link. */
  page2(): string {
    const b = this.url;
    const apbd = `
<${b}/dataset/8f1c2d3e-apbd> a dcat:Dataset ;
    dct:identifier "APBD Provinsi 2024" ;
    dct:title "Anggaran Pendapatan dan Belanja Daerah 2024" ;
    dct:modified "2025-02-01"^^xsd:date ;
    dcat:distribution <${b}/dataset/8f1c2d3e-apbd/json> .

<${b}/dataset/8f1c2d3e-apbd/json> a dcat:Distribution ;
    dcat:accessURL <${b}/files/apbd.json> ;
    dcat:mediaType "application/json" ;
    dct:license <http://www.opendefinition.org/licenses/odc-odbl> .
`;
    const previous =
      this.mode === 'loop'
        ? `hydra:nextPage <${b}/catalog.ttl>`
        : `hydra:previous <${b}/catalog.ttl> ; hydra:first <${b}/catalog.ttl>`;
    return `${PREFIXES}
<${b}/catalog> a dcat:Catalog ;
    dct:title "Katalog Data Kota Bandung"@id${this.state.apbd ? ` ;\n    dcat:dataset <${b}/dataset/8f1c2d3e-apbd>` : ''} .
${this.state.apbd ? apbd : ''}
<${b}/catalog.ttl?page=2> a hydra:PartialCollectionView ;
    hydra:totalItems ${this.state.apbd ? 3 : 2} ;
    ${previous} .
`;
  }

  #send(res: ServerResponse, file: FixtureFile): void {
    res.statusCode = file.status ?? 200;
    res.setHeader('content-type', file.contentType ?? 'text/csv; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(file.body));
    res.end(file.body);
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const key = `${url.pathname}${url.search}`;
    this.requests.push(key);
    this.#send(res, this.#answer(key, url.pathname));
  }

  #answer(key: string, path: string): FixtureFile {
    const turtle = (body: string): FixtureFile => ({ body, contentType: 'text/turtle; charset=utf-8' });
    if (key === '/catalog.ttl') return turtle(this.page1());
    if (key === '/catalog.ttl?page=2') {
      if (this.mode === 'html')
        return {
          body: '<!DOCTYPE html><html><head><title>Portal Data</title></head><body>Sedang pemeliharaan</body></html>',
          contentType: 'text/html; charset=utf-8',
        };
      return turtle(this.mode === 'same' ? this.page1() : this.page2());
    }
    return (
      this.docs.get(key) ??
      this.files.get(path) ?? { status: 404, body: 'not found', contentType: 'text/plain' }
    );
  }
}
