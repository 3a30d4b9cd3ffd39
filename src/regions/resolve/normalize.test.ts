import { describe, expect, it } from 'vitest';
import { parseCode } from './codes.js';
import { boundedDistance, maxEdits } from './fuzzy.js';
import { cleanText, nameKey, parseName, unglue } from './normalize.js';
import { isWithin, kindOfCode, levelOfCode } from './types.js';

describe('name normalising', () => {
  it('drops case, accents, punctuation and spacing', () => {
    expect(cleanText('  KOTA  Bau-Bau. ')).toBe('kota bau bau');
    expect(cleanText('Ma’rang')).toBe('marang');
    expect(nameKey('Bandung Barat')).toBe(nameKey('BANDUNGBARAT'));
  });

  it('spells out abbreviations, level words only at the start', () => {
    expect(nameKey('Kep. Riau')).toBe(nameKey('Kepulauan Riau'));
    expect(nameKey('Tg. Pinang')).toBe(nameKey('Tanjung Pinang'));
    expect(nameKey('Kab. Bogor')).toBe(nameKey('Kabupaten Bogor'));
    expect(nameKey('Sumatra Utara')).toBe(nameKey('Sumatera Utara'));
  });

  it('recognises level words and their kind', () => {
    expect(parseName('Kota Adm. Jakarta Selatan')).toMatchObject({
      prefix: { level: 'regency', kind: 'kota', words: 2 },
      core: 'jakartaselatan',
    });
    expect(parseName('Kabupaten Administrasi Kepulauan Seribu').prefix?.kind).toBe('kabupaten');
    expect(parseName('Prov. Jawa Barat')).toMatchObject({ prefix: { level: 'province' }, core: 'jawabarat' });
    expect(parseName('Kel. Panipahan').prefix).toMatchObject({ level: 'village', kind: 'kelurahan' });
    expect(parseName('Kecamatan Ciwidey').prefix?.level).toBe('district');
    // A name that is only a level word stays a name (there is a village called "Kelurahan").
    expect(parseName('Kelurahan').prefix).toBeUndefined();
    expect(unglue('kotabandung')).toMatchObject({ prefix: { kind: 'kota' }, core: 'bandung' });
  });
});

describe('codes', () => {
  it('reads dotted codes as Kemendagri and undotted ones as BPS', () => {
    expect(parseCode('32.04')).toEqual({ scheme: 'kemendagri', code: '32.04' });
    expect(parseCode('32.04.01.2001')).toEqual({ scheme: 'kemendagri', code: '32.04.01.2001' });
    expect(parseCode('3204')).toEqual({ scheme: 'bps', digits: '3204' });
    expect(parseCode('3204010001')).toEqual({ scheme: 'bps', digits: '3204010001' });
    expect(parseCode('32')).toEqual({ scheme: 'province', digits: '32' });
    expect(parseCode('Bandung')).toBeUndefined();
  });

  it('repairs float damage', () => {
    expect(parseCode('3204.0')).toMatchObject({ scheme: 'bps', digits: '3204' });
    expect(parseCode('3201190006.0')).toMatchObject({ scheme: 'bps', digits: '3201190006' });
    expect(parseCode('32.0')).toMatchObject({ scheme: 'province', digits: '32' });
    expect(parseCode('11.1')).toMatchObject({ scheme: 'kemendagri', code: '11.10' });
  });

  it('rejects other digit strings with a reason', () => {
    expect(parseCode('123')).toMatchObject({ scheme: 'malformed' });
    expect(parseCode('32.04.1.5')).toMatchObject({ scheme: 'malformed' });
  });

  it('knows levels, kinds and containment', () => {
    expect(levelOfCode('32.04.01')).toBe('district');
    expect(kindOfCode('32.73')).toBe('kota');
    expect(kindOfCode('32.04.01.1001')).toBe('kelurahan');
    expect(kindOfCode('91.03.01.3007')).toBe('desa');
    expect(isWithin('32.04.01', '32')).toBe(true);
    expect(isWithin('32.40', '32.4')).toBe(false);
  });
});

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and transpositions', () => {
    expect(boundedDistance('bandung', 'bandunk', 2)).toBe(1);
    expect(boundedDistance('bandung', 'badnung', 2)).toBe(1);
    expect(boundedDistance('bandung', 'bandng', 2)).toBe(1);
    expect(boundedDistance('bandung', 'semarang', 2)).toBe(3);
  });

  it('allows more edits for longer names, none for short ones', () => {
    expect(maxEdits(5)).toBe(0);
    expect(maxEdits(8)).toBe(1);
    expect(maxEdits(12)).toBe(2);
    expect(maxEdits(20)).toBe(3);
  });
});
