import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENGINES } from '../../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { isKendaliError } from '../../core/errors.js';
import { makeContext } from '../../http/context.js';

describe.each(CATALOG_ENGINES)('region_list and region_show on %s', (engine) => {
  let t: TestServices;
  const anon = () => makeContext(t.registry, t.services, null, 'id', 'r');
  const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, anon(), input);
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return isKendaliError(e) ? e.code : String(e);
    }
    return 'ok';
  };

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    const sys = makeContext(
      t.registry,
      t.services,
      { id: 'a', name: 'admin', sysadmin: true, memberships: {} },
      'id',
      'r',
    );
    await t.registry.call('organization_create', sys, {
      name: 'pemprov-jabar',
      title: 'Pemerintah Provinsi Jawa Barat',
      org_type: 'province',
      region_code: '32',
    });
    await t.registry.call('organization_create', sys, { name: 'bps', title: 'Badan Pusat Statistik' });
  });
  afterAll(async () => t.cleanup());

  it('lists the 38 provinces, and the regencies and cities of one province', async () => {
    const provinces = (await call('region_list', {})) as { code: string; name: string; level: number }[];
    expect(provinces).toHaveLength(38);
    expect(provinces[0]).toMatchObject({ code: '11', level: 1, parent_code: null });
    expect(provinces.map((p) => p.code)).toContain('32');
    const jabar = (await call('region_list', { parent: '32' })) as { code: string; level: number }[];
    expect(jabar).toHaveLength(27);
    expect(jabar.every((r) => r.code.startsWith('32.') && r.level === 2)).toBe(true);
    expect(jabar.map((r) => r.code)).toEqual([...jabar.map((r) => r.code)].sort());
  });

  it('shows a province with its regencies and the institutions based there', async () => {
    const r = (await call('region_show', { id: '32' })) as Record<string, unknown> & {
      children: { code: string }[];
      organizations: { name: string }[];
    };
    expect(r).toMatchObject({ code: '32', name: 'Jawa Barat', level: 1, parent: null });
    expect(r.children).toHaveLength(27);
    expect(r.organizations).toEqual([{ name: 'pemprov-jabar', title: 'Pemerintah Provinsi Jawa Barat' }]);
  });

  it('shows a regency with its province as parent', async () => {
    const r = (await call('region_show', { id: '32.01' })) as Record<string, unknown>;
    expect(r).toMatchObject({
      code: '32.01',
      level: 2,
      parent: { code: '32', name: 'Jawa Barat' },
      children: [],
    });
    expect(String(r.name)).toMatch(/Bogor/);
  });

  it('answers an unknown code as not found and a malformed one as a validation error', async () => {
    expect(await code(call('region_show', { id: '99' }))).toBe('NOT_FOUND');
    expect(await code(call('region_list', { parent: '99' }))).toBe('NOT_FOUND');
    expect(await code(call('region_show', { id: 'jawa' }))).toBe('VALIDATION');
  });
});
