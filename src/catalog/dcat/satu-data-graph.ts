/**
 * Satu Data Indonesia fields that DCAT-AP can carry:
 * - standar_data → dct:conformsTo a dct:Standard (konsep as rdfs:label, definisi as
 *   skos:definition, klasifikasi/ukuran/satuan as skos:note);
 * - produsen_data → dct:creator, a foaf:Agent;
 * - walidata → prov:qualifiedAttribution with dcat:hadRole custodian (ISO 19115 role).
 * Not expressed (no DCAT-AP property fits): jadwal_rilis, data_prioritas,
 * cakupan_wilayah_tingkat other than `nasional` (which becomes dct:spatial Indonesia).
 */
import type { Store } from 'n3';
import type { PackageDict } from '../datasets.js';
import { str } from './graph-base.js';
import {
  blankNode,
  dcat,
  dct,
  foaf,
  INSPIRE_ROLE,
  namedNode,
  prov,
  RDF_TYPE,
  rdfs,
  type Subject,
  skos,
  text,
} from './vocab.js';

const STANDARD_NOTES = [
  ['klasifikasi', 'Klasifikasi'],
  ['ukuran', 'Ukuran'],
  ['satuan', 'Satuan'],
] as const;

function addStandard(store: Store, ds: Subject, standard: unknown): void {
  if (typeof standard !== 'object' || standard === null) return;
  const field = (k: string): string | undefined => str((standard as Record<string, unknown>)[k]);
  const konsep = field('konsep');
  const definisi = field('definisi');
  const notes = STANDARD_NOTES.flatMap(([k, label]) => {
    const v = field(k);
    return v ? [`${label}: ${v}`] : [];
  });
  if (!konsep && !definisi && notes.length === 0) return;
  const node = blankNode();
  store.addQuad(ds, dct('conformsTo'), node);
  store.addQuad(node, RDF_TYPE, dct('Standard'));
  store.addQuad(node, rdfs('label'), text(konsep ?? 'Standar data'));
  if (definisi) store.addQuad(node, skos('definition'), text(definisi));
  for (const n of notes) store.addQuad(node, skos('note'), text(n));
}

function agent(store: Store, name: string): Subject {
  const node = blankNode();
  store.addQuad(node, RDF_TYPE, foaf('Agent'));
  store.addQuad(node, foaf('name'), text(name));
  return node;
}

export function addSatuData(store: Store, ds: Subject, d: PackageDict): void {
  addStandard(store, ds, d.standar_data);
  const produsen = str(d.produsen_data);
  if (produsen) store.addQuad(ds, dct('creator'), agent(store, produsen));
  const walidata = str(d.walidata);
  if (walidata) {
    const attribution = blankNode();
    store.addQuad(ds, prov('qualifiedAttribution'), attribution);
    store.addQuad(attribution, RDF_TYPE, prov('Attribution'));
    store.addQuad(attribution, prov('agent'), agent(store, walidata));
    store.addQuad(attribution, dcat('hadRole'), namedNode(`${INSPIRE_ROLE}custodian`));
  }
}
