-- Insights: daily counters per unit (numerators and denominators are sums of these), entered
-- values with evidence, province target sets and commune registrations.

-- One row per unit, Vietnam-local day and metric. Maintained from modules' metric events and
-- rebuildable from their tables; roll-ups sum these rows, never average rates.
create table insight_fact (
  unit_code  varchar(20) not null,
  day        date not null,
  metric     text not null check (metric ~ '^[a-z_]+\.[a-z0-9_]+$'),
  value      bigint not null,
  primary key (unit_code, metric, day)
);
create index insight_fact_day_idx on insight_fact (day, metric);

-- Metric events already applied: a redelivered event changes nothing.
create table insight_applied_event (
  event_id   uuid primary key,
  unit_code  varchar(20) not null,
  applied_at timestamptz not null default now()
);

-- Facts the platform cannot see (e.g. fibre coverage, adults with smartphones from a survey):
-- entered per unit and period with an evidence file.
create table insight_entered (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  indicator     text not null,
  period_start  date not null,
  period_end    date not null check (period_end >= period_start),
  numerator     numeric(18, 2) not null check (numerator >= 0),
  denominator   numeric(18, 2) check (denominator is null or denominator > 0),
  evidence_name text not null,
  evidence_type text not null,
  evidence      bytea not null,
  note          text not null default '',
  entered_by    text not null,
  entered_at    timestamptz not null default now()
);
create index insight_entered_idx on insight_entered (unit_code, indicator, period_end desc);

-- A province's published target set (e.g. 38 DX targets for 2026) with two levels.
create table insight_target_set (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,             -- the province
  code          text not null,
  name          text not null,
  year          int not null check (year between 2020 and 2100),
  published     boolean not null default false,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  unique (unit_code, code)
);

create table insight_target (
  set_id        bigint not null references insight_target_set (id) on delete cascade,
  unit_code     varchar(20) not null,             -- the province (for row-level security)
  ordinal       int not null,
  indicator     text not null,
  level         text not null check (level in ('basic', 'advanced')),
  threshold     numeric(12, 4) not null,
  primary key (set_id, ordinal)
);

-- A commune registers for a level of a province target set ("xã CĐS" / "xã CĐS nâng cao").
create table insight_registration (
  unit_code     varchar(20) not null,             -- the commune
  set_id        bigint not null references insight_target_set (id) on delete cascade,
  level         text not null check (level in ('basic', 'advanced')),
  registered_by text not null,
  registered_at timestamptz not null default now(),
  primary key (unit_code, set_id)
);

alter table insight_fact enable row level security;
alter table insight_fact force row level security;
create policy insight_fact_unit on insight_fact
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table insight_applied_event enable row level security;
alter table insight_applied_event force row level security;
create policy insight_applied_event_unit on insight_applied_event
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table insight_entered enable row level security;
alter table insight_entered force row level security;
create policy insight_entered_unit on insight_entered
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table insight_target_set enable row level security;
alter table insight_target_set force row level security;
-- Published target sets are read by every commune of the province: the commune's scope does not
-- include its province, so reading is open for published sets; writing stays with the province.
create policy insight_target_set_read on insight_target_set for select
  using (published or xaso_unit_visible(unit_code));
create policy insight_target_set_write on insight_target_set for all
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table insight_target enable row level security;
alter table insight_target force row level security;
create policy insight_target_read on insight_target for select
  using (xaso_unit_visible(unit_code)
         or exists (select 1 from insight_target_set s where s.id = set_id and s.published));
create policy insight_target_write on insight_target for all
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table insight_registration enable row level security;
alter table insight_registration force row level security;
create policy insight_registration_unit on insight_registration
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
