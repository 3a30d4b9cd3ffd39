import { type Kysely, sql } from 'kysely';

/**
 * Ruang Kendali: indicators over dataset versions (with targets per period and region),
 * priority programmes (milestones, bottleneck notes, evidence), alert rules and the alerts
 * they open (owner, deadline, escalation tier, follow-up log). Dates a person enters
 * (periods, milestone dates) are text `YYYY-MM-DD` so both engines hand back the same string.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE indicator (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      private boolean NOT NULL DEFAULT false,
      dataset_id uuid NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
      resource_id uuid REFERENCES resource(id) ON DELETE SET NULL,
      pinned_version integer,
      measure text NOT NULL,
      aggregation text NOT NULL CHECK (aggregation IN ('sum', 'avg', 'min', 'max', 'count')),
      region_column text,
      region_level text CHECK (region_level IN ('province', 'regency')),
      province_column text,
      period_column text,
      filters jsonb NOT NULL DEFAULT '[]',
      unit text NOT NULL DEFAULT '',
      polarity text NOT NULL CHECK (polarity IN ('higher', 'lower')),
      scale jsonb NOT NULL,
      trajectory jsonb NOT NULL DEFAULT '[]',
      last_value double precision,
      last_status text,
      last_period text,
      last_version integer,
      evaluated_at timestamptz,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX indicator_dataset ON indicator(dataset_id);
    CREATE TABLE indicator_target (
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      period text NOT NULL,
      region_code text NOT NULL DEFAULT '',
      value double precision NOT NULL,
      PRIMARY KEY (indicator_id, period, region_code)
    );

    CREATE TABLE programme (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('priority', 'psn', 'other')),
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('planned', 'on_track', 'at_risk', 'delayed', 'completed')),
      description text NOT NULL DEFAULT '',
      region_code text,
      lat double precision CHECK (lat BETWEEN -90 AND 90),
      lon double precision CHECK (lon BETWEEN -180 AND 180),
      start_date text,
      end_date text,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE programme_milestone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL,
      due_date text NOT NULL,
      done_date text
    );
    CREATE INDEX programme_milestone_programme ON programme_milestone(programme_id, position);
    CREATE TABLE programme_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_id uuid NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor text,
      kind text NOT NULL CHECK (kind IN ('bottleneck', 'note')),
      text text NOT NULL
    );
    CREATE INDEX programme_note_programme ON programme_note(programme_id, at);

    CREATE TABLE rk_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      entity_type text NOT NULL CHECK (entity_type IN ('programme', 'alert')),
      entity_id uuid NOT NULL,
      filename text NOT NULL,
      media_type text NOT NULL,
      bytes bigint NOT NULL,
      path text NOT NULL,
      caption text NOT NULL DEFAULT '',
      actor text,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX rk_evidence_entity ON rk_evidence(entity_type, entity_id);

    CREATE TABLE alert_rule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL DEFAULT '',
      kind text NOT NULL CHECK (kind IN ('threshold', 'target_missed', 'stale_data', 'overdue_submission', 'sentiment_spike')),
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      indicator_id uuid REFERENCES indicator(id) ON DELETE CASCADE,
      dataset_id uuid REFERENCES dataset(id) ON DELETE CASCADE,
      params jsonb NOT NULL DEFAULT '{}',
      deadline_days integer NOT NULL DEFAULT 7 CHECK (deadline_days BETWEEN 1 AND 365),
      deputy_after_hours integer NOT NULL DEFAULT 48 CHECK (deputy_after_hours > 0),
      leadership_after_hours integer NOT NULL DEFAULT 120 CHECK (leadership_after_hours > 0),
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE alert (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rule_id uuid NOT NULL REFERENCES alert_rule(id) ON DELETE CASCADE,
      kind text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      subject text NOT NULL,
      title text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}',
      state text NOT NULL CHECK (state IN ('open', 'closed')),
      tier text NOT NULL CHECK (tier IN ('staff', 'deputy', 'leadership')),
      assignee uuid REFERENCES app_user(id) ON DELETE SET NULL,
      opened_at timestamptz NOT NULL,
      deadline timestamptz NOT NULL,
      tier_changed_at timestamptz NOT NULL,
      closed_at timestamptz,
      close_note text NOT NULL DEFAULT '',
      UNIQUE (rule_id, subject)
    );
    CREATE INDEX alert_open ON alert(state, organization_id, opened_at DESC);
    CREATE TABLE alert_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      alert_id uuid NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      actor text,
      action text NOT NULL CHECK (action IN ('opened', 'note', 'assigned', 'escalated', 'closed', 'evidence', 'webhook')),
      note text NOT NULL DEFAULT '',
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX alert_event_alert ON alert_event(alert_id, seq);
    CREATE INDEX alert_event_at ON alert_event(at DESC);
  `.execute(db);
}
