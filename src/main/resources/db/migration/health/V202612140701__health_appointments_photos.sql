-- Health (y tế), issue 20: appointments at the station (the doctors set how many people each half-day takes;
-- citizens book and cancel) and the photos a citizen sends with a question. Row-level security as everywhere.

-- A half-day of the station open for appointments: how many people it takes (0 closes it).
create table health_slot (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  day         date not null,
  session     text not null check (session in ('MORNING', 'AFTERNOON')),
  capacity    integer not null check (capacity between 0 and 200),
  set_by      text not null,
  set_at      timestamptz not null default now(),
  unique (unit_code, day, session)
);

-- A citizen's appointment in a slot. One booked appointment per citizen and slot (booking again finds it);
-- reminded_at: the day-before reminder was queued through notify.
create table health_appointment (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  slot_id       bigint not null references health_slot (id),
  citizen_id    bigint not null,
  citizen_name  text not null,
  phone         text,
  reason        text not null check (length(btrim(reason)) between 3 and 500),
  status        text not null check (status in ('BOOKED', 'CANCELLED')),
  booked_at     timestamptz not null default now(),
  cancelled_at  timestamptz,
  reminded_at   timestamptz
);
create unique index health_appointment_once_uq on health_appointment (slot_id, citizen_id) where status = 'BOOKED';
create index health_appointment_slot_idx on health_appointment (slot_id, status);
create index health_appointment_citizen_idx on health_appointment (citizen_id, booked_at desc);

-- Photos sent with a question: checked by their content and re-encoded as JPEG (no EXIF, no GPS position); shown to
-- the asker and the station's doctors only, never on the public answers.
create table health_photo (
  id           bigint generated always as identity primary key,
  question_id  bigint not null references health_question (id),
  unit_code    varchar(20) not null,
  created_at   timestamptz not null default now(),
  width        integer not null check (width between 1 and 1600),
  height       integer not null check (height between 1 and 1600),
  content      bytea not null,
  thumbnail    bytea not null
);
create index health_photo_question_idx on health_photo (question_id, id);

-- The asker's rating of the answers (1–5 stars), once the question is answered.
alter table health_question add column rating smallint check (rating between 1 and 5);

create index health_campaign_person_phone_idx on health_campaign_person (phone);

alter table health_slot enable row level security;
alter table health_slot force row level security;
create policy health_slot_unit on health_slot using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table health_appointment enable row level security;
alter table health_appointment force row level security;
create policy health_appointment_unit on health_appointment using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table health_photo enable row level security;
alter table health_photo force row level security;
create policy health_photo_unit on health_photo using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
