import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openReader } from './index.js';
import type { Reader } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'kendali-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(reader: Reader): Promise<[number, (string | null)[]][]> {
  const out: [number, (string | null)[]][] = [];
  for await (const row of reader.rows()) out.push([row.line, [...row.cells]]);
  return out;
}

/** A zip written by hand: each entry stored or deflated, sizes as given (so they can lie). */
function zip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = Buffer.from(
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
);
const RELS = Buffer.from(
  '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
);

describe('XLSX: hostile and broken files', () => {
  const sheet = (body: string): Buffer =>
    Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`,
    );

  it('reads a hand-made workbook with inline rich strings and prefixed tags', async () => {
    const body =
      '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Jawa </x:t></x:r><x:r><x:t>Barat</x:t></x:r></x:is></x:c><x:c r="C2" t="b"><x:v>0</x:v></x:c></x:row>';
    const path = join(dir, 'inline.xlsx');
    writeFileSync(
      path,
      zip([
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: 'xl/_rels/workbook.xml.rels', data: RELS },
        { name: 'xl/worksheets/sheet1.xml', data: sheet(body) },
      ]),
    );
    expect(await collect(await openReader(path))).toEqual([[2, [null, 'Jawa Barat', 'FALSE']]]);
  });

  it('refuses a zip bomb by its compression ratio before inflating it', async () => {
    const bomb = Buffer.concat([sheet(''), Buffer.alloc(50 << 20)]);
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(
      path,
      zip([
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: 'xl/_rels/workbook.xml.rels', data: RELS },
        { name: 'xl/worksheets/sheet1.xml', data: bomb },
      ]),
    );
    await expect(openReader(path)).rejects.toThrow(
      /bomb\.xlsx: workbook part xl\/worksheets\/sheet1\.xml is compressed \d+:1 .*zip bomb/,
    );
    await expect(
      openReader(path, { maxCompressionRatio: 10_000, maxUncompressedBytes: 1 << 20 }),
    ).rejects.toThrow(/over the limit of 1048576 \(maxUncompressedBytes\)/);
  });

  it('stops a zip bomb whose directory lies about its size', async () => {
    const path = join(dir, 'liar.xlsx');
    const bomb = Buffer.concat([
      sheet('<row r="1"><c r="A1" t="str"><v>x</v></c></row>'),
      Buffer.alloc(20 << 20, 32),
    ]);
    writeFileSync(
      path,
      zip([
        { name: 'xl/workbook.xml', data: WORKBOOK },
        { name: 'xl/_rels/workbook.xml.rels', data: RELS },
        { name: 'xl/worksheets/sheet1.xml', data: bomb, declared: 4096 },
      ]),
    );
    await expect(openReader(path)).rejects.toThrow(/inflates past its declared size; refused as a zip bomb/);
  });

  it('refuses a zip that is not a workbook, and a cut-off zip', async () => {
    const path = join(dir, 'other.xlsx');
    writeFileSync(path, zip([{ name: 'hello.txt', data: Buffer.from('hi') }]));
    await expect(openReader(path)).rejects.toThrow(
      'other.xlsx: a zip archive that is not an XLSX workbook: it has no xl/workbook.xml',
    );
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, zip([{ name: 'hello.txt', data: Buffer.from('hi') }]).subarray(0, 40));
    await expect(openReader(cut)).rejects.toThrow(/damaged zip file: no central directory/);
  });
});
