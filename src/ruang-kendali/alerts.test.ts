/**
 * The alert lifecycle on both catalog engines with an injected clock: a breach opens an alert
 * (once), it escalates after the rule's delays, gets a follow-up note and is closed with a note
 * and evidence; every step is logged, emitted and POSTed to a loopback webhook. Stale data from
 * a missed release schedule (and a maximum age), overdue submissions and sentiment spikes open
 * alerts from their rows.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { failure } from '../../test/support/datastore-write.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { ActionContext } from '../actions/types.js';
import { loadActor } from '../auth/actor.js';
import { jsonb } from '../catalog/json.js';
import { loadConfig } from '../config/load.js';
import { makeContext } from '../http/context.js';
import { addUpload } from '../ingest/uploads.js';
import { settleWebhooks } from './alerts.js';
import { ruangKendaliBus } from './bus.js';
import { evaluate } from './evaluate.js';

// biome-ignore lint/suspicious/noExplicitAny: loose results in tests
type Any = Record<string, any>;

const HOUR = 3_600_000;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe.each(CATALOG_ENGINES)('alerts on %s', (engine) => {
  let t: TestServices;
  let sys: ActionContext;
  let staff: ActionContext;
  let outsider: ActionContext;
  let staffId: string;
  let hook: Server;
  let received: Any[];
  let failNext: number;
  const call = (name: string, input: Any, ctx = sys) => t.registry.call(name, ctx, input) as Promise<Any>;

  beforeEach(async () => {
    t = await openTestServices(engine);
    sys = systemCtx(t);
    received = [];
    failNext = 0;
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    (t.services as { config: unknown }).config = loadConfig({
      KENDALI_DATA_DIR: t.dataDir,
      LOG_LEVEL: 'silent',
      PORT: '8080',
      KENDALI_ALERT_WEBHOOK_URL: url,
    });
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('organization_create', { name: 'kemenkes', title: 'Kementerian Kesehatan' });
    await call('package_create', { name: 'kemiskinan', title: 'Kemiskinan', owner_org: 'bps' });
    await call('datastore_create', {
      resource: { package_id: 'kemiskinan', name: 'Tabel' },
      fields: [
        { id: 'kode', type: 'text' },
        { id: 'tahun', type: 'int' },
        { id: 'nilai', type: 'numeric' },
      ],
      records: [
        { kode: '32', tahun: 2024, nilai: 12 },
        { kode: '33', tahun: 2024, nilai: 9 },
      ],
    });
    const ctxOf = async (user: string, org: string, capacity: string) => {
      const u = await addUser(t, user);
      await call('member_create', { id: org, object: user, object_type: 'user', capacity });
      return {
        id: u.id,
        ctx: makeContext(t.registry, t.services, await loadActor(t.services.catalog.db, u.id), 'id', user),
      };
    };
    const s = await ctxOf('staf-bps', 'bps', 'produsen');
    staff = s.ctx;
    staffId = s.id;
    outsider = (await ctxOf('orang-luar', 'kemenkes', 'admin')).ctx;
  });
  afterEach(async () => {
    await t.cleanup();
    await new Promise((r) => hook.close(r));
  });

  it('breach → alert → escalation after the delays → note → closed with evidence', async () => {
    await call('indicator_create', {
      name: 'miskin',
      title: 'Penduduk miskin',
      owner_org: 'bps',
      package_id: 'kemiskinan',
      measure: 'nilai',
      aggregation: 'sum',
      period_column: 'tahun',
      polarity: 'higher',
      targets: [{ period: '2024', value: 30 }],
    });
    const rule = await call('alert_rule_create', {
      name: 'ambang-miskin',
      kind: 'threshold',
      owner_org: 'bps',
      indicator: 'miskin',
      params: { op: 'lt', value: 25 },
      deadline_days: 3,
      deputy_after_hours: 24,
      leadership_after_hours: 72,
    });
    const changes: Any[] = [];
    ruangKendaliBus(t.services).on('alert.changed', (e) => changes.push(e));
    const t0 = new Date('2027-01-10T02:00:00Z');
    failNext = 1; // the first delivery is refused once and retried
    expect(await evaluate(t.services, t0)).toMatchObject({ opened: 1, escalated: 0 });
    expect(await evaluate(t.services, t0)).toMatchObject({ opened: 0 });
    const [alert] = (await call('alert_list', {}, staff)) as Any[];
    expect(alert).toMatchObject({
      rule_id: rule.id,
      kind: 'threshold',
      state: 'open',
      tier: 'staff',
      organization: 'bps',
    });
    expect(new Date(alert?.deadline).toISOString()).toBe('2027-01-13T02:00:00.000Z');
    expect(alert?.detail).toMatchObject({ value: 21, limit: 25, op: 'lt', period: '2024' });

    expect(await evaluate(t.services, new Date(t0.getTime() + 23 * HOUR))).toMatchObject({ escalated: 0 });
    expect(await evaluate(t.services, new Date(t0.getTime() + 25 * HOUR))).toMatchObject({ escalated: 1 });
    expect((await call('alert_show', { id: alert?.id }, staff)).tier).toBe('deputy');
    expect(await evaluate(t.services, new Date(t0.getTime() + 73 * HOUR))).toMatchObject({ escalated: 1 });

    await call(
      'alert_update',
      { id: alert?.id, note: 'Sedang dikoordinasikan dengan dinas.', assignee: 'staf-bps' },
      staff,
    );
    expect(
      (await failure(call('alert_update', { id: alert?.id, close: true }, staff))).fields?.note,
    ).toBeDefined();
    expect((await failure(call('alert_update', { id: alert?.id, note: 'x' }, outsider))).code).toBe(
      'NOT_FOUND',
    );
    const file = join(t.dataDir, 'foto-lapangan.png');
    writeFileSync(file, PNG);
    const up = await addUpload(t.dataDir, file, staffId);
    const closed = await call(
      'alert_update',
      { id: alert?.id, close: true, note: 'Data diperbaiki, target direvisi.', evidence_upload_id: up.id },
      staff,
    );
    expect(closed).toMatchObject({
      state: 'closed',
      tier: 'leadership',
      close_note: 'Data diperbaiki, target direvisi.',
    });
    expect(closed.assignee).toMatchObject({ id: staffId, name: 'staf-bps' });
    expect(closed.evidence).toEqual([
      expect.objectContaining({ filename: 'foto-lapangan.png', media_type: 'image/png' }),
    ]);
    expect(
      closed.events.filter((e: Any) => e.action !== 'webhook').map((e: Any) => [e.action, e.actor]),
    ).toEqual([
      ['opened', null],
      ['escalated', null],
      ['escalated', null],
      ['note', 'staf-bps'],
      ['assigned', 'staf-bps'],
      ['evidence', 'staf-bps'],
      ['closed', 'staf-bps'],
    ]);
    expect(changes.map((c) => c.action)).toEqual([
      'opened',
      'escalated',
      'escalated',
      'note',
      'assigned',
      'evidence',
      'closed',
    ]);
    // A closed alert stays closed; the breach does not open it again.
    expect(await evaluate(t.services, new Date(t0.getTime() + 100 * HOUR))).toMatchObject({ opened: 0 });

    await settleWebhooks(t.services);
    expect(received.map((r) => [r.event, r.alert.tier])).toEqual([
      ['alert.opened', 'staff'],
      ['alert.escalated', 'deputy'],
      ['alert.escalated', 'leadership'],
      ['alert.closed', 'leadership'],
    ]);
    expect(received[0]?.alert.organization).toEqual({ name: 'bps', title: 'Badan Pusat Statistik' });
    const show = await call('alert_show', { id: alert?.id }, staff);
    const webhookLog = show.events.filter((e: Any) => e.action === 'webhook');
    expect(webhookLog[0]?.data).toMatchObject({ ok: true, attempts: 2, for: 'opened' });
    expect(await call('alert_list', {}, outsider)).toEqual([]);
  }, 60_000);

  it('opens stale-data alerts from a missed release schedule and from a maximum age', async () => {
    const db = t.services.catalog.db;
    const ids = async (table: 'organization' | 'dataset', name: string) =>
      (await db.selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    await db
      .insertInto('data_plan_item')
      .values({
        year: 2027,
        organization_id: await ids('organization', 'bps'),
        title: 'Kemiskinan bulanan',
        dataset_id: await ids('dataset', 'kemiskinan'),
        frequency: 'monthly',
        due_dates: jsonb(['2027-01-31', '2027-02-28', '2027-03-31']),
      })
      .execute();
    await call('alert_rule_create', {
      name: 'jadwal',
      kind: 'stale_data',
      owner_org: 'bps',
      package_id: 'kemiskinan',
    });
    await call('alert_rule_create', {
      name: 'umur',
      kind: 'stale_data',
      owner_org: 'bps',
      package_id: 'kemiskinan',
      params: { max_age_days: 400 },
    });
    // Only the first due date has passed and the version came before it: on schedule.
    expect(await evaluate(t.services, new Date('2027-02-10T00:00:00Z'))).toMatchObject({ opened: 0 });
    // The February period passed with no new version.
    expect(await evaluate(t.services, new Date('2027-03-05T00:00:00Z'))).toMatchObject({ opened: 1 });
    const alerts = (await call('alert_list', {}, staff)) as Any[];
    expect(alerts.map((a) => [a.kind, a.subject])).toEqual([['stale_data', 'due:2027-02-28']]);
    expect(alerts[0]?.title).toContain('jatuh tempo 2027-02-28');
    // More than 400 days after the latest version.
    const late = new Date(Date.now() + 401 * 24 * HOUR);
    expect(await evaluate(t.services, late)).toMatchObject({ opened: 2 });
    const subjects = ((await call('alert_list', {}, staff)) as Any[]).map((a) => a.subject).sort();
    expect(subjects[0]).toBe('age:v1');
  }, 60_000);

  it('opens overdue-submission and sentiment-spike alerts from their rows', async () => {
    const db = t.services.catalog.db;
    const plan = await call('data_plan_create', {
      year: 2027,
      owner_org: 'bps',
      title: 'Stunting',
      frequency: 'yearly',
    });
    const bps = await db
      .selectFrom('organization')
      .select('id')
      .where('name', '=', 'bps')
      .executeTakeFirstOrThrow();
    const kemenkes = await db
      .selectFrom('organization')
      .select('id')
      .where('name', '=', 'kemenkes')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cycle_overdue')
      .values({ plan_item_id: plan.id, organization_id: bps.id, due_date: '2027-12-31' })
      .execute();
    const now = new Date('2028-01-05T03:00:00Z');
    await db
      .insertInto('media_spike')
      .values({ organization_id: bps.id, day: '2028-01-04', negative_count: 14, baseline: 3, score: 4.2 })
      .execute();
    await db
      .insertInto('media_spike')
      .values({ organization_id: bps.id, day: '2027-11-01', negative_count: 9, baseline: 3, score: 3 })
      .execute();
    await db
      .insertInto('media_spike')
      .values({ organization_id: kemenkes.id, day: '2028-01-04', negative_count: 20, baseline: 2, score: 6 })
      .execute();
    await call('alert_rule_create', { name: 'terlambat', kind: 'overdue_submission', owner_org: 'bps' });
    await call('alert_rule_create', {
      name: 'sentimen',
      kind: 'sentiment_spike',
      owner_org: 'bps',
      params: { min_score: 2 },
    });
    expect(
      (
        await failure(
          call(
            'alert_rule_create',
            { name: 'semua', kind: 'sentiment_spike', owner_org: 'bps', params: { scope: 'all' } },
            staff,
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(await evaluate(t.services, now)).toMatchObject({ opened: 2 });
    const alerts = ((await call('alert_list', {}, staff)) as Any[]).sort((a, b) =>
      a.kind.localeCompare(b.kind),
    );
    expect(alerts.map((a) => [a.kind, a.organization])).toEqual([
      ['overdue_submission', 'bps'],
      ['sentiment_spike', 'bps'],
    ]);
    expect(alerts[0]?.title).toBe('Penyerahan data terlambat: Stunting (jatuh tempo 2027-12-31)');
    expect(alerts[1]?.detail).toMatchObject({ day: '2028-01-04', negative_count: 14 });
    // A rule watching every institution (sysadmin) finds kemenkes' spike and gives it to kemenkes.
    await call('alert_rule_create', {
      name: 'semua',
      kind: 'sentiment_spike',
      owner_org: 'bps',
      params: { scope: 'all', min_score: 5 },
    });
    expect(await evaluate(t.services, now)).toMatchObject({ opened: 1 });
    expect(((await call('alert_list', {}, outsider)) as Any[]).map((a) => [a.kind, a.organization])).toEqual([
      ['sentiment_spike', 'kemenkes'],
    ]);
  }, 60_000);
});
