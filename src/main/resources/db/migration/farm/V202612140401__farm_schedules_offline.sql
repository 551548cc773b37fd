-- Smart farms (issue 18), second slice: schedules (a command to a device at set times of the day, Vietnam time,
-- skipped on chosen days; each slot run once however many instances run the job) and offline rules (no data from a
-- device for N minutes raises an alarm through the same alarm and notice path as a threshold).

-- A schedule: "feed pens 1–20 at 06:00, 11:00, 17:00 every day". times: the day's times in Vietnam time, HH:MM
-- separated by one space, in order. stopped_at: no slot runs from then on.
create table farm_schedule (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  farm_id     bigint not null references farm_farm (id),
  device_id   bigint not null references farm_device (id),
  action      text not null check (action in ('FAN_ON', 'FAN_OFF', 'FEED_NOW')),
  times       text not null check (times ~ '^([01][0-9]|2[0-3]):[0-5][0-9]( ([01][0-9]|2[0-3]):[0-5][0-9]){0,23}$'),
  created_by  text not null,
  created_at  timestamptz not null,
  stopped_at  timestamptz
);
create index farm_schedule_farm_idx on farm_schedule (farm_id, id);
create index farm_schedule_active_idx on farm_schedule (id) where stopped_at is null;

-- A day (Vietnam date) on which a schedule does not run.
create table farm_schedule_skip (
  unit_code    varchar(20) not null,
  schedule_id  bigint not null references farm_schedule (id),
  day          date not null,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  primary key (schedule_id, day)
);

-- One row per schedule and slot (the slot's moment): the primary key makes a slot run once, even with two instances
-- running the job at the same moment or an instance restarted. SENT: the command it sent; SKIPPED: a skipped day.
create table farm_schedule_run (
  unit_code    varchar(20) not null,
  schedule_id  bigint not null references farm_schedule (id),
  slot_at      timestamptz not null,
  status       text not null check (status in ('SENT', 'SKIPPED')),
  command_id   bigint references farm_command (id),
  ran_at       timestamptz not null,
  primary key (schedule_id, slot_at),
  constraint farm_schedule_run_command check ((status = 'SENT') = (command_id is not null))
);

-- A command sent by a schedule names it (null: sent by a person).
alter table farm_command add column schedule_id bigint references farm_schedule (id);

-- An offline rule: no data from the device for duration_seconds raises an alarm (key 'offline'), cleared when data
-- comes back. Threshold rules are kind THRESHOLD (all rules so far).
alter table farm_rule add column kind text not null default 'THRESHOLD' check (kind in ('THRESHOLD', 'OFFLINE'));
create index farm_rule_offline_idx on farm_rule (device_id) where kind = 'OFFLINE';

alter table farm_schedule enable row level security;
alter table farm_schedule force row level security;
create policy farm_schedule_unit on farm_schedule using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_schedule_skip enable row level security;
alter table farm_schedule_skip force row level security;
create policy farm_schedule_skip_unit on farm_schedule_skip using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_schedule_run enable row level security;
alter table farm_schedule_run force row level security;
create policy farm_schedule_run_unit on farm_schedule_run using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
