-- Smart farms (issue 18): farms of the commune, their devices (per-device MQTT credentials), telemetry with the
-- latest value per key, refused messages counted, threshold rules with duration and hysteresis, alarms and
-- commands. Every row carries its commune; row-level security as everywhere (xaso_unit_visible).

-- A farm, registered by commune staff. owner_username: the farmer's own account (role PRODUCER) that sees and
-- commands the farm; phone/contact_name: who gets the alarm messages.
create table farm_farm (
  id              bigint generated always as identity primary key,
  unit_code       varchar(20) not null,
  name            text not null check (length(btrim(name)) between 2 and 150),
  owner_username  text not null,
  contact_name    text not null check (length(btrim(contact_name)) between 2 and 100),
  phone           text not null check (phone ~ '^0[0-9]{9}$'),
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create unique index farm_farm_name_uq on farm_farm (unit_code, xaso_fold(name));
create index farm_farm_owner_idx on farm_farm (unit_code, owner_username);

-- A device: its MQTT user name is 'd' || id (and its client id the same); secret_hash: SHA-256 of the random secret
-- shown once (a machine secret of 192 random bits, not a person's password). revoked_at: refused from then on.
create table farm_device (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  farm_id       bigint not null references farm_farm (id),
  kind          text not null check (kind in ('SENSOR', 'FEEDER', 'FAN')),
  name          text not null check (length(btrim(name)) between 2 and 100),
  secret_hash   text not null check (secret_hash ~ '^[0-9a-f]{64}$'),
  created_by    text not null,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz,
  revoked_at    timestamptz
);
create index farm_device_farm_idx on farm_device (farm_id, id);

-- Readings: one row per device, key and time. Kept xaso.farm.telemetry.retention-days (default 90) by a
-- daily clean-up (FarmJobs); indexed for "one key of one device over a time range".
create table farm_reading (
  unit_code  varchar(20) not null,
  device_id  bigint not null references farm_device (id),
  key        text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  at         timestamptz not null,
  value      double precision not null,
  primary key (device_id, key, at)
);
create index farm_reading_at_idx on farm_reading (at);

-- The latest value per device and key, for the dashboard.
create table farm_latest (
  unit_code  varchar(20) not null,
  device_id  bigint not null references farm_device (id),
  key        text not null,
  at         timestamptz not null,
  value      double precision not null,
  primary key (device_id, key)
);

-- Refused messages per device and reason (not JSON, too big, wrong types, future time, another device's topic).
create table farm_refusal (
  unit_code  varchar(20) not null,
  device_id  bigint not null references farm_device (id),
  reason     text not null check (reason in ('NOT_JSON', 'TOO_BIG', 'WRONG_TYPE', 'FUTURE', 'TOO_OLD', 'TOPIC')),
  count      bigint not null default 0,
  last_at    timestamptz not null,
  primary key (device_id, reason)
);

-- A threshold rule: "temperature above 32 for 5 minutes, cleared below 30" (above = true) or the reverse.
-- breach_since: when the value first crossed the threshold in the current run (null when it is not crossed).
create table farm_rule (
  id                bigint generated always as identity primary key,
  unit_code         varchar(20) not null,
  farm_id           bigint not null references farm_farm (id),
  device_id         bigint not null references farm_device (id),
  key               text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  above             boolean not null,
  threshold         double precision not null,
  clear_at          double precision not null,
  duration_seconds  integer not null check (duration_seconds between 0 and 86400),
  breach_since      timestamptz,
  created_by        text not null,
  created_at        timestamptz not null default now(),
  constraint farm_rule_hysteresis check ((above and clear_at <= threshold) or (not above and clear_at >= threshold))
);
create index farm_rule_device_idx on farm_rule (device_id, key);

-- An alarm: RAISED → ACKNOWLEDGED → CLEARED (or RAISED → CLEARED). At most one open alarm per rule: no storm.
create table farm_alarm (
  id               bigint generated always as identity primary key,
  unit_code        varchar(20) not null,
  farm_id          bigint not null references farm_farm (id),
  device_id        bigint not null references farm_device (id),
  rule_id          bigint not null references farm_rule (id),
  key              text not null,
  value            double precision not null,
  status           text not null check (status in ('RAISED', 'ACKNOWLEDGED', 'CLEARED')),
  raised_at        timestamptz not null,
  acknowledged_by  text,
  acknowledged_at  timestamptz,
  cleared_by       text,
  cleared_at       timestamptz
);
create unique index farm_alarm_open_uq on farm_alarm (rule_id) where status <> 'CLEARED';
create index farm_alarm_farm_idx on farm_alarm (farm_id, id desc);

-- A command to a device: PENDING until the device answers (DONE / FAILED) or its time runs out (TIMED_OUT).
create table farm_command (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  farm_id       bigint not null references farm_farm (id),
  device_id     bigint not null references farm_device (id),
  action        text not null check (action in ('FAN_ON', 'FAN_OFF', 'FEED_NOW')),
  status        text not null check (status in ('PENDING', 'DONE', 'FAILED', 'TIMED_OUT')),
  requested_by  text not null,
  requested_at  timestamptz not null,
  timeout_at    timestamptz not null,
  answered_at   timestamptz,
  note          text check (length(note) <= 200)
);
create index farm_command_farm_idx on farm_command (farm_id, id desc);
create index farm_command_pending_idx on farm_command (timeout_at) where status = 'PENDING';

alter table farm_farm enable row level security;
alter table farm_farm force row level security;
create policy farm_farm_unit on farm_farm using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_device enable row level security;
alter table farm_device force row level security;
create policy farm_device_unit on farm_device using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_reading enable row level security;
alter table farm_reading force row level security;
create policy farm_reading_unit on farm_reading using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_latest enable row level security;
alter table farm_latest force row level security;
create policy farm_latest_unit on farm_latest using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_refusal enable row level security;
alter table farm_refusal force row level security;
create policy farm_refusal_unit on farm_refusal using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_rule enable row level security;
alter table farm_rule force row level security;
create policy farm_rule_unit on farm_rule using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_alarm enable row level security;
alter table farm_alarm force row level security;
create policy farm_alarm_unit on farm_alarm using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table farm_command enable row level security;
alter table farm_command force row level security;
create policy farm_command_unit on farm_command using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
