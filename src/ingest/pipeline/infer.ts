/** Deciding each column's type from its profile: the whole column's evidence, overridable. */
import type { ColumnProfile } from './profile.js';
import type { FieldType } from './types.js';

/** Share of a column's values that must fit a type for the column to take it. */
export const FIT = 0.9;

export interface Inferred {
  readonly type: FieldType;
  readonly numberStyle?: 'id' | 'en';
  readonly dateOrder?: 'dmy' | 'mdy';
  readonly floatDamage?: boolean;
  readonly reason: string;
}

const CODE_HEADER = /(^|[ _-])(kode|kd)([ _-]|$)|^(id|no|nomor|nip|nik|npwp)([ _-]|$)|[ _-]id$/i;

export function inferType(title: string, p: ColumnProfile): Inferred {
  if (p.values === 0) return { type: 'string', reason: 'kolom kosong' };
  const floatDamage =
    p.floatDamaged > 0 && p.floatDamaged === p.numeric.en.whole && p.floatDamaged >= p.values * FIT;
  const code = p.code.result();
  if (code.isCode) {
    const why =
      code.leadingZero > 0
        ? 'nilai berawalan nol'
        : code.longDigits > 0
          ? 'angka sangat panjang'
          : 'kode huruf-angka';
    return { type: 'string', reason: `kode (${why}): disimpan sebagai teks` };
  }
  const style = p.numberStyle.result();
  const numeric = p.numeric[style.style];
  if (numeric.ok >= p.values * FIT) {
    if (CODE_HEADER.test(title.trim()) && numeric.whole === numeric.ok) {
      return { type: 'string', floatDamage, reason: 'kolom kode menurut judulnya: disimpan sebagai teks' };
    }
    const styleWords = style.style === 'id' ? 'format Indonesia (1.234,5)' : 'format Inggris (1,234.5)';
    // A style is worth naming only where a separator decided it: not for 2019, nor for Excel's 2019.0.
    const how = floatDamage
      ? 'ditulis Excel sebagai pecahan .0'
      : style.status === 'no_evidence'
        ? 'tanpa pemisah ribuan atau desimal'
        : style.status === 'ambiguous'
          ? `${styleWords}, dipilih bawaan karena nilai seperti 1.234 bisa dibaca dua cara`
          : styleWords;
    if (numeric.whole === numeric.ok)
      return { type: 'integer', numberStyle: style.style, reason: `bilangan bulat, ${how}` };
    return { type: 'number', numberStyle: style.style, reason: `bilangan, ${how}` };
  }
  const { day, month, quarter, semester, year } = p.periods;
  const order = p.dateOrder.result().order;
  if (day >= p.values * FIT)
    return {
      type: 'date',
      dateOrder: order,
      reason: `tanggal (${order === 'dmy' ? 'hari dulu' : 'bulan dulu'})`,
    };
  if (month >= p.values * FIT) return { type: 'yearmonth', dateOrder: order, reason: 'bulan dan tahun' };
  if (day + month + quarter + semester + year >= p.values * FIT && quarter + semester + month > 0) {
    return { type: 'period', dateOrder: order, reason: 'periode (triwulan, semester, bulan atau tahun)' };
  }
  const distinctBooleans = p.booleans >= p.values * FIT && p.distinct.size >= 2 && p.distinct.size <= 6;
  if (distinctBooleans) return { type: 'boolean', reason: 'ya/tidak' };
  return { type: 'string', reason: 'teks' };
}
