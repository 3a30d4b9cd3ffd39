import { describe, expect, it } from 'vitest';
import { cleanText, stripBom, trimText } from './text.js';

describe('stripBom', () => {
  it.each([
    ['\uFEFFProvinsi', 'Provinsi'],
    ['Provinsi', 'Provinsi'],
    ['', ''],
    ['a\uFEFFb', 'a\uFEFFb'],
  ])('%j → %j', (raw, expected) => {
    expect(stripBom(raw)).toBe(expected);
  });
});

describe('trimText', () => {
  it.each([
    ['  Bogor  ', 'Bogor'],
    ['\u00A0Bogor\u00A0', 'Bogor'],
    ['\u2009\u202FBogor\u3000', 'Bogor'],
    ['\u200BBogor\u200B', 'Bogor'],
    ['\uFEFFBogor', 'Bogor'],
    ['\u200D Bogor \u200C', 'Bogor'],
    ['\t\r\nBogor\r\n', 'Bogor'],
    ['Kota  Bogor', 'Kota  Bogor'],
    ['Bogor', 'Bogor'],
    ['', ''],
    ['   ', ''],
    ['\u00A0', ''],
  ])('%j → %j', (raw, expected) => {
    expect(trimText(raw)).toBe(expected);
  });

  it('returns a plain cell itself', () => {
    const cell = 'KABUPATEN BOGOR';
    expect(trimText(cell)).toBe(cell);
  });
});

describe('cleanText', () => {
  it.each([
    [' ANGKUTAN INTEGRASI BUS KECIL ', 'ANGKUTAN INTEGRASI BUS KECIL'],
    ['Kabupaten  Pelalawan', 'Kabupaten Pelalawan'],
    ['Kota\u00A0Bandung', 'Kota Bandung'],
    ['TERUTUNG MEGARA\nLAWE PASARAN', 'TERUTUNG MEGARA LAWE PASARAN'],
    ['a\t\tb', 'a b'],
    ['Ja\u200Bkarta', 'Jakarta'],
    ['Ja\u00ADkarta', 'Jakarta'],
    ['\uFEFF38 Provinsi', '38 Provinsi'],
    ['Cafe\u0301', 'Café'],
    ['  ', ''],
    ['', ''],
    ['Bogor', 'Bogor'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });

  it('normalises to NFC', () => {
    expect(cleanText('Cafe\u0301')).toBe('Caf\u00E9');
    expect(cleanText('Cafe\u0301').length).toBe(4);
  });

  it('keeps a zero-width joiner inside text', () => {
    expect(cleanText('a\u200Db')).toBe('a\u200Db');
  });
});
