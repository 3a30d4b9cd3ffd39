/**
 * `kendali map add|list` and `kendali briefing board|province` on a data directory (the demo
 * seeded on first open), run in process through their commander commands.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { briefingCommand } from './briefing.js';
import { mapCommand } from './map.js';

const GEO = join(import.meta.dirname, '../../../../shared/data/geo');

describe('map and briefing commands', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kendali-cli-rk-'));
  let out = '';
  let err = '';
  beforeAll(() => {
    process.env.KENDALI_DATA_DIR = dataDir;
    process.env.LOG_LEVEL = 'silent';
    delete process.env.KENDALI_URL;
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const run = async (command: Command, args: string[]) => {
    out = '';
    err = '';
    await command.exitOverride().parseAsync(args, { from: 'user' });
  };

  it('adds a province map and lists it', async () => {
    await run(mapCommand(), [
      'add',
      join(GEO, 'provinces.geojson'),
      '--level',
      'province',
      '--code-property',
      'code',
    ]);
    expect(out).toContain('provinces: 38 of 38 features matched');
    expect(err).not.toContain('is no known region');
    await run(mapCommand(), ['list']);
    expect(out).toMatch(/^provinces\tprovince\t38\t/m);
  }, 120_000);

  it('writes the board and province briefings', async () => {
    const board = join(dataDir, 'nasional.pdf');
    await run(briefingCommand(), ['board', 'nasional', '-o', board]);
    expect(out).toMatch(/nasional\.pdf \d+ bytes/);
    expect(readFileSync(board).subarray(0, 5).toString()).toBe('%PDF-');
    const province = join(dataDir, 'jabar.pdf');
    await run(briefingCommand(), ['province', '32', '-o', province]);
    expect(existsSync(province)).toBe(true);
    expect(readFileSync(province).length).toBeGreaterThan(5000);
  }, 120_000);
});
