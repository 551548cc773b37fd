-- The commune web portal: posts (news, notices, legal dissemination), their attachments, the
-- leaders' weekly work schedule, public contacts, and the citizen's chosen commune and village.

-- One post of a commune. kind: 'news' (tin tức), 'notice' (thông báo), 'law' (phổ biến pháp luật).
-- status: draft -> submitted -> published (approved by a leader). A published post is visible from
-- publish_at on (scheduled publishing is a query-time condition); channels are delivered once by
-- the announcement job when publish_at has passed (announced_at set).
create table portal_post (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  kind          text not null check (kind in ('news', 'notice', 'law')),
  category      text not null default '' check (length(category) <= 60),
  title         text not null check (length(btrim(title)) between 1 and 200),
  summary       text not null default '' check (length(summary) <= 500),
  body          text not null default '' check (length(body) <= 20000),
  status        text not null default 'draft' check (status in ('draft', 'submitted', 'published', 'withdrawn')),
  publish_at    timestamptz,
  village_ids   bigint[] not null default '{}',
  channels      text[] not null default '{}',
  urgent        boolean not null default false,
  announced_at  timestamptz,
  announce_note text not null default '',
  broadcast_id  bigint,
  created_by    text not null,
  approved_by   text,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  search_folded text generated always as (xaso_fold(title || ' ' || category || ' ' || summary || ' ' || body)) stored,
  constraint portal_post_published_dated check (status <> 'published' or publish_at is not null)
);
create index portal_post_public_idx on portal_post (unit_code, status, publish_at desc);
create index portal_post_search_idx on portal_post using gin (search_folded gin_trgm_ops);
create index portal_post_announce_idx on portal_post (publish_at) where status = 'published' and announced_at is null;

create table portal_attachment (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  post_id       bigint not null references portal_post (id) on delete cascade,
  title         text not null check (length(btrim(title)) between 1 and 200),
  content_type  text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
  bytes         bytea not null,
  created_by    text not null,
  created_at    timestamptz not null default now()
);
create index portal_attachment_post_idx on portal_attachment (post_id, id);

-- Lịch công tác: one entry of a leader's week.
create table portal_schedule (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  day           date not null,
  time_of_day   text not null default '' check (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^$'),
  leader        text not null check (length(btrim(leader)) between 1 and 120),
  content       text not null check (length(btrim(content)) between 1 and 500),
  place         text not null default '' check (length(place) <= 200),
  created_by    text not null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index portal_schedule_unit_idx on portal_schedule (unit_code, day, time_of_day);

-- Public contacts: the phone is shown only when phone_public.
create table portal_contact (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  position      int not null default 0,
  name          text not null check (length(btrim(name)) between 1 and 120),
  title         text not null check (length(btrim(title)) between 1 and 160),
  phone         text not null default '' check (phone ~ '^$|^0[0-9]{9,10}$'),
  phone_public  boolean not null default false,
  email         text not null default '' check (length(email) <= 200),
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index portal_contact_unit_idx on portal_contact (unit_code, position, id);

alter table portal_post enable row level security;
alter table portal_post force row level security;
create policy portal_post_unit on portal_post
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table portal_attachment enable row level security;
alter table portal_attachment force row level security;
create policy portal_attachment_unit on portal_attachment
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table portal_schedule enable row level security;
alter table portal_schedule force row level security;
create policy portal_schedule_unit on portal_schedule
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table portal_contact enable row level security;
alter table portal_contact force row level security;
create policy portal_contact_unit on portal_contact
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- The citizen's own commune and village for the app (citizen-owned: no unit scope applies to a
-- citizen, so the service reads and writes it only by the signed-in citizen's id).
create table citizen_place (
  citizen_id    bigint primary key references citizen (id),
  unit_code     varchar(20) not null,
  village_id    bigint,
  updated_at    timestamptz not null default now()
);
