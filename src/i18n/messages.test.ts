/**
 * Error messages in Bahasa Indonesia: every message template of the source has its Indonesian
 * text (read from the source's syntax tree, so a new message cannot ship untranslated), the
 * texts name only the parts their templates have. (src/http/app.test.ts: the HTTP layer answers
 * in the language the request prefers, CKAN's clients keep English.)
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageTemplates, regionReasonTemplates } from '../../test/support/message-templates.js';
import { requestLanguage, translateMessage, translateReasons } from './messages.js';
import { MESSAGES_ID } from './messages-id.js';

const SRC = resolve(import.meta.dirname, '..');
const placeholders = (s: string) => [...s.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort();

describe('the Indonesian catalog', () => {
  it('translates every message template the source raises', () => {
    const templates = messageTemplates(SRC);
    // The reader finds the messages (a broken reader would pass an empty list).
    expect(templates.length).toBeGreaterThan(200);
    expect(templates.map((t) => t.text)).toContain('That harvest source name is already in use');
    const missing = templates
      .filter((t) => /[A-Za-z]{2}/.test(t.text.replace(/\{[^{}]+\}/g, '')) && !(t.text in MESSAGES_ID))
      .map((t) => `${t.where}: ${JSON.stringify(t.text)}`);
    expect(missing).toEqual([]);
  });

  it('translates every reason region resolution gives, alone and joined to another', () => {
    const reasons = regionReasonTemplates(resolve(SRC, 'regions/resolve'));
    expect(reasons.map((t) => t.text)).toContain('no region of that name');
    expect(reasons.length).toBeGreaterThan(20);
    const missing = reasons
      // `{reason}; {m.reason}` only joins reasons.
      .filter((t) => /[A-Za-z]{2}/.test(t.text.replace(/\{[^{}]+\}/g, '')) && !(t.text in MESSAGES_ID))
      .map((t) => `${t.where}: ${JSON.stringify(t.text)}`);
    expect(missing).toEqual([]);
    expect(
      translateReasons(
        'found inside the label "Kab. Bandung Barat (KBB)"; "3204" has 4 digits: BPS codes have 2, 4, 7 or 10; Kemendagri codes are dotted; something else',
        'id',
      ),
    ).toBe(
      'ditemukan di dalam label "Kab. Bandung Barat (KBB)"; "3204" terdiri atas 4 angka: kode BPS terdiri atas 2, 4, 7 atau 10 angka; kode Kemendagri bertitik; something else',
    );
    expect(translateReasons('no region of that name', 'en')).toBe('no region of that name');
  });

  it('names in each text only the parts of its template, none left empty or next to another', () => {
    for (const [source, target] of Object.entries(MESSAGES_ID)) {
      expect(target.trim(), source).not.toBe('');
      // Two parts side by side could split a message either way.
      expect(/\}\{/.test(source), source).toBe(false);
      const known = new Set(placeholders(source));
      for (const name of placeholders(target)) expect(known.has(name), `${source} → {${name}}`).toBe(true);
    }
  });

  it('translates messages as raised, and their parts that are messages too', () => {
    expect(translateMessage('That harvest source name is already in use', 'id')).toBe(
      'Nama sumber panen itu sudah dipakai',
    );
    expect(translateMessage('Not found: organization jabar', 'id')).toBe('Tidak ditemukan: instansi jabar');
    expect(translateMessage('job 42 has already ended (done)', 'id')).toBe(
      'pekerjaan 42 sudah berakhir (done)',
    );
    // A part that may be empty (no plural s).
    expect(translateMessage('Too many failed sign-in attempts; try again in 1 minute', 'id')).toBe(
      'Terlalu banyak percobaan masuk yang gagal; coba lagi dalam 1 menit',
    );
    expect(translateMessage('Expected string length greater or equal to 8', 'id')).toBe(
      'Panjangnya minimal 8 karakter',
    );
    expect(
      translateMessage(
        '3 errors; nothing was published. First: row 2, line 3, column tahun: bukan angka',
        'id',
      ),
    ).toBe(
      '3 galat; tidak ada yang diterbitkan. Pertama: baris data 2, baris berkas 3, kolom tahun: bukan angka',
    );
    expect(
      translateMessage(
        '169.254.169.254 is a link-local address (such as a cloud metadata service), not a public one; outbound requests reach only public addresses unless KENDALI_OUTBOUND_ALLOW names the host or its network',
        'id',
      ),
    ).toMatch(
      /^169\.254\.169\.254 adalah alamat link-local \(seperti layanan metadata cloud\), bukan alamat publik/,
    );
    // Unknown text stays as it is; English is never changed.
    expect(translateMessage('Sesuatu yang tidak dikenal', 'id')).toBe('Sesuatu yang tidak dikenal');
    expect(translateMessage('Not a URL', 'en')).toBe('Not a URL');
  });

  it('reads the preferred language of Accept-Language, English when it names neither', () => {
    expect(requestLanguage('id')).toBe('id');
    expect(requestLanguage('id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('id');
    expect(requestLanguage('en-US,en;q=0.9,id;q=0.8')).toBe('en');
    expect(requestLanguage('fr, id;q=0.5')).toBe('id');
    expect(requestLanguage('*')).toBe('en');
    expect(requestLanguage(undefined)).toBe('en');
    expect(requestLanguage('id;q=0, en;q=0.1')).toBe('en');
  });
});
