-- Smart loudspeaker radio (đài truyền thanh thông minh): speaker zones per village, receiver devices,
-- broadcasts with their synthesised or uploaded audio, the queue of each zone, and what each device played.

-- A speaker zone (cụm loa) covers one village, or the whole commune centre when village_id is null
-- (villages are normally deactivated, not deleted; if one is deleted its zone stays, with no village).
-- slots: daily broadcast times in Vietnam time, e.g. {06:00,17:00}.
create table radio_zone (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  village_id  bigint references village (id) on delete set null,
  name        text not null check (length(btrim(name)) between 1 and 100),
  slots       text[] not null default '{06:00,17:00}',
  active      boolean not null default true,
  created_at  timestamptz not null default now()
);
create unique index radio_zone_village_uq on radio_zone (unit_code, village_id) where village_id is not null;

-- A receiver (bộ thu phát) registered with a secret token; only the SHA-256 of the token is stored.
create table radio_device (
  id                 bigint generated always as identity primary key,
  unit_code          varchar(20) not null,
  zone_id            bigint not null references radio_zone (id),
  name               text not null check (length(btrim(name)) between 1 and 100),
  token_hash         text not null unique,
  active             boolean not null default true,
  last_heartbeat_at  timestamptz,
  last_status        text,
  created_at         timestamptz not null default now()
);

create table radio_broadcast (
  id              bigint generated always as identity primary key,
  unit_code       varchar(20) not null,
  title           text not null check (length(btrim(title)) between 1 and 300),
  body            text not null,
  spoken_text     text,
  source          text not null,
  urgent          boolean not null default false,
  expires_at      timestamptz,
  status          text not null check (status in ('synthesising', 'ready', 'failed', 'cancelled')),
  engine          text,
  error           text,
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create index radio_broadcast_unit_idx on radio_broadcast (unit_code, id desc);

-- The encoded audio (MP3 or Ogg Opus/Vorbis, or WAV when uploaded as such), kept apart from the row.
create table radio_audio (
  broadcast_id  bigint primary key references radio_broadcast (id),
  unit_code     varchar(20) not null,
  content_type  text not null,
  duration_ms   integer not null check (duration_ms > 0),
  sha256        text not null,
  bytes         bytea not null,
  created_at    timestamptz not null default now()
);

-- One broadcast in the queue of one zone, to be played at play_at (the next daily slot, or now when urgent).
create table radio_queue (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  broadcast_id  bigint not null references radio_broadcast (id),
  zone_id       bigint not null references radio_zone (id),
  play_at       timestamptz not null,
  unique (broadcast_id, zone_id)
);
create index radio_queue_zone_idx on radio_queue (zone_id, play_at);

-- A device reports each item it played: when and for how long.
create table radio_play (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  device_id     bigint not null references radio_device (id),
  broadcast_id  bigint not null references radio_broadcast (id),
  zone_id       bigint not null references radio_zone (id),
  played_at     timestamptz not null,
  duration_ms   integer not null check (duration_ms >= 0),
  reported_at   timestamptz not null default now(),
  unique (device_id, broadcast_id)
);
create index radio_play_unit_time_idx on radio_play (unit_code, played_at);

alter table radio_zone enable row level security;
alter table radio_zone force row level security;
create policy radio_zone_unit on radio_zone using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table radio_device enable row level security;
alter table radio_device force row level security;
create policy radio_device_unit on radio_device using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table radio_broadcast enable row level security;
alter table radio_broadcast force row level security;
create policy radio_broadcast_unit on radio_broadcast using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table radio_audio enable row level security;
alter table radio_audio force row level security;
create policy radio_audio_unit on radio_audio using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table radio_queue enable row level security;
alter table radio_queue force row level security;
create policy radio_queue_unit on radio_queue using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table radio_play enable row level security;
alter table radio_play force row level security;
create policy radio_play_unit on radio_play using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
