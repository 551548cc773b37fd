-- Cameras (issue 18): the commune's security cameras and farm cameras — registry, who may view, incidents recorded by
-- the commune police post. XaSo stores no video: only where the viewer's player app finds the stream. Every row
-- carries its commune; row-level security as everywhere (xaso_unit_visible).

-- A camera. village_id: a village of the commune (units' id, no cross-module key); owner_kind COMMUNE, FARM (farm_id:
-- a farm of the commune) or HOUSEHOLD (only with consent: who agreed and when; a withdrawal disables the camera).
create table cameras_camera (
  id                    bigint generated always as identity primary key,
  unit_code             varchar(20) not null,
  name                  text not null check (length(btrim(name)) between 2 and 100),
  village_id            bigint,
  place                 text not null check (length(btrim(place)) between 2 and 200),
  latitude              numeric(9, 6) check (latitude between -90 and 90),
  longitude             numeric(9, 6) check (longitude between -180 and 180),
  owner_kind            text not null check (owner_kind in ('COMMUNE', 'FARM', 'HOUSEHOLD')),
  farm_id               bigint,
  consent_name          text,
  consent_on            date,
  consent_withdrawn_on  date,
  state                 text not null default 'ACTIVE' check (state in ('ACTIVE', 'DISABLED')),
  created_by            text not null,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  check ((owner_kind = 'FARM') = (farm_id is not null)),
  check (owner_kind <> 'HOUSEHOLD' or (consent_name is not null and consent_on is not null)),
  check ((latitude is null) = (longitude is null))
);
create unique index cameras_camera_name_uq on cameras_camera (unit_code, xaso_fold(name));
create index cameras_camera_farm_idx on cameras_camera (unit_code, farm_id);

-- The camera's addresses, kept apart: read only when a viewer presses "Xem camera" (ViewingCameras), never listed.
create table cameras_address (
  camera_id     bigint primary key references cameras_camera (id),
  unit_code     varchar(20) not null,
  stream_url    text not null check (length(stream_url) <= 500),
  snapshot_url  text check (length(snapshot_url) <= 500)
);

-- An incident recorded by the police post on a camera; its state OPEN → FOLLOWED_UP → CLOSED (IncidentCase).
create table cameras_incident (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  camera_id    bigint not null references cameras_camera (id),
  happened_at  timestamptz not null,
  note         text not null check (length(btrim(note)) between 2 and 2000),
  state        text not null default 'OPEN' check (state in ('OPEN', 'FOLLOWED_UP', 'CLOSED')),
  recorded_by  text not null,
  recorded_at  timestamptz not null default now()
);
create index cameras_incident_unit_idx on cameras_incident (unit_code, happened_at desc, id desc);

-- The incident's snapshot, checked by content and written anew as JPEG (no metadata of the original).
create table cameras_incident_photo (
  incident_id  bigint primary key references cameras_incident (id),
  unit_code    varchar(20) not null,
  content      bytea not null,
  width        int not null,
  height       int not null
);

-- Follow-up notes, in order.
create table cameras_follow_up (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  incident_id  bigint not null references cameras_incident (id),
  note         text not null check (length(btrim(note)) between 2 and 2000),
  written_by   text not null,
  written_at   timestamptz not null default now()
);
create index cameras_follow_up_incident_idx on cameras_follow_up (incident_id, id);

alter table cameras_camera enable row level security;
alter table cameras_camera force row level security;
create policy cameras_camera_unit on cameras_camera using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table cameras_address enable row level security;
alter table cameras_address force row level security;
create policy cameras_address_unit on cameras_address using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table cameras_incident enable row level security;
alter table cameras_incident force row level security;
create policy cameras_incident_unit on cameras_incident using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table cameras_incident_photo enable row level security;
alter table cameras_incident_photo force row level security;
create policy cameras_incident_photo_unit on cameras_incident_photo using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table cameras_follow_up enable row level security;
alter table cameras_follow_up force row level security;
create policy cameras_follow_up_unit on cameras_follow_up using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
