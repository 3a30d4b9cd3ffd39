import { describe, expect, it } from 'vitest';
import { errorLine, KendaliError } from '../core/errors.js';
import { translateLine } from './fail.js';

describe("a failed job's error line", () => {
  it('reads in Bahasa Indonesia: the message and every reason of every field', () => {
    const line = errorLine(
      new KendaliError('VALIDATION', 'Validation error', {
        name: ['Expected required property', 'Expected string length greater or equal to 2'],
        'extras.tahun': ['Expected integer'],
      }),
    );
    expect(line).toBe(
      'Validation error (name: Expected required property, Expected string length greater or equal to 2; extras.tahun: Expected integer)',
    );
    expect(translateLine(line, 'id')).toBe(
      'Isian tidak valid (name: Wajib diisi, Panjangnya minimal 2 karakter; extras.tahun: Harus berupa bilangan bulat)',
    );
    expect(translateLine(line, 'en')).toBe(line);
  });

  it('keeps a reason it has no words for as it is, and a line without fields', () => {
    expect(translateLine('Validation error (berkas: rusak di baris 3)', 'id')).toBe(
      'Isian tidak valid (berkas: rusak di baris 3)',
    );
    expect(translateLine('Not found: dataset x', 'id')).toBe('Tidak ditemukan: dataset x');
  });
});
