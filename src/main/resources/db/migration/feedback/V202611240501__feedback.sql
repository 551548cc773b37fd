-- Citizen feedback (phản ánh, kiến nghị) with Open311 GeoReport v2 access.

-- Categories of one commune, with their service level in working days. Seeded lazily for every
-- commune on first use (see FeedbackCategories); the code is the Open311 service_code.
create table feedback_category (
  id           bigserial primary key,
  unit_code    text not null,
  code         text not null check (code ~ '^[A-Z0-9_-]{1,20}$'),
  name         text not null check (length(btrim(name)) between 1 and 200),
  description  text not null default '',
  group_name   text not null default '',
  keywords     text not null default '',
  sla_days     int  not null check (sla_days between 1 and 90),
  sort_order   int  not null default 0,
  active       boolean not null default true,
  unique (unit_code, code)
);

-- Next report number of each commune.
create table feedback_counter (
  unit_code  text primary key,
  next_value bigint not null
);

-- One report. Contact fields are personal data: shown only to the commune's officials and to the
-- signed-in reporter; never on public pages nor in Open311.
create table feedback_report (
  id              bigserial primary key,
  unit_code       text not null,
  code            text not null unique,
  token           text not null unique,
  category_id     bigint not null references feedback_category (id),
  description     text not null check (length(description) between 10 and 2000),
  lat             double precision check (lat between -90 and 90),
  lon             double precision check (lon between -180 and 180),
  village_code    text,
  address         text not null default '',
  citizen_id      bigint,
  anonymous       boolean not null default false,
  contact_name    text,
  contact_phone   text,
  contact_email   text,
  status          text not null check (status in ('new', 'in_progress', 'answered', 'closed', 'merged')),
  handler         text,
  due_date        date not null,
  answer          text,
  answered_at     timestamptz,
  answered_by     text,
  closed_at       timestamptz,
  rating          int check (rating between 1 and 5),
  rated_at        timestamptz,
  merged_into     bigint references feedback_report (id),
  photos_public   boolean not null default false,
  media_url       text,
  source          text not null default 'web' check (source in ('web', 'open311')),
  api_key_id      bigint,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index feedback_report_unit_idx on feedback_report (unit_code, created_at desc, id desc);
create index feedback_report_citizen_idx on feedback_report (citizen_id) where citizen_id is not null;
create index feedback_report_status_idx on feedback_report (unit_code, status);

-- Photos, re-encoded (metadata dropped) and resized, with a thumbnail.
create table feedback_photo (
  id           bigserial primary key,
  unit_code    text not null,
  report_id    bigint not null references feedback_report (id),
  position     int not null,
  content_type text not null,
  content      bytea not null,
  thumbnail    bytea not null,
  width        int not null,
  height       int not null,
  unique (report_id, position)
);

-- The timeline. Public entries are shown on the report's public page and in the Open311 updates
-- feed; internal notes (public = false) never leave the officials' pages.
create table feedback_event (
  id           bigserial primary key,
  unit_code    text not null,
  report_id    bigint not null references feedback_report (id),
  at           timestamptz not null default now(),
  kind         text not null,
  actor        text not null,
  public       boolean not null,
  status       text not null,
  text         text not null default ''
);
create index feedback_event_report_idx on feedback_event (report_id, id);
create index feedback_event_unit_idx on feedback_event (unit_code, id) where public;

-- Open311 API keys of a commune, stored as SHA-256 hashes; the key itself is shown once.
create table feedback_api_key (
  id           bigserial primary key,
  unit_code    text not null,
  name         text not null check (length(btrim(name)) between 1 and 100),
  prefix       text not null,
  key_hash     text not null unique,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  revoked_at   timestamptz
);

alter table feedback_category enable row level security;
alter table feedback_category force row level security;
create policy feedback_category_unit on feedback_category
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table feedback_counter enable row level security;
alter table feedback_counter force row level security;
create policy feedback_counter_unit on feedback_counter
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table feedback_report enable row level security;
alter table feedback_report force row level security;
create policy feedback_report_unit on feedback_report
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table feedback_photo enable row level security;
alter table feedback_photo force row level security;
create policy feedback_photo_unit on feedback_photo
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table feedback_event enable row level security;
alter table feedback_event force row level security;
create policy feedback_event_unit on feedback_event
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table feedback_api_key enable row level security;
alter table feedback_api_key force row level security;
create policy feedback_api_key_unit on feedback_api_key
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
