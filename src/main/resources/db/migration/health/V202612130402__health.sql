-- Health (y tế): questions to the commune's health station ("hỏi bác sĩ") with their messages, and vaccination
-- reminder campaigns. Every row carries its commune; row-level security as everywhere (xaso_unit_visible).

-- A citizen's question to the station of one commune. status: ASKED (waiting for a doctor) → ANSWERED → CLOSED;
-- a follow-up of the citizen puts an ANSWERED question back to ASKED. may_publish: the citizen allowed the
-- question to be shown without their name in the station's public answers; published_at: a doctor did so.
create table health_question (
  id             bigint generated always as identity primary key,
  unit_code      varchar(20) not null,
  citizen_id     bigint not null,
  title          text not null check (length(btrim(title)) between 5 and 150),
  body           text not null check (length(btrim(body)) between 10 and 4000),
  urgent         boolean not null,
  may_publish    boolean not null,
  status         text not null check (status in ('ASKED', 'ANSWERED', 'CLOSED')),
  asked_at       timestamptz not null default now(),
  answered_at    timestamptz,
  answered_by    text,
  closed_at      timestamptz,
  published_at   timestamptz,
  search_folded  text generated always as (xaso_fold(title || ' ' || body)) stored,
  constraint health_question_published_allowed check (published_at is null or may_publish)
);
create index health_question_station_idx on health_question (unit_code, status, asked_at);
create index health_question_citizen_idx on health_question (citizen_id, asked_at desc);
create index health_question_search_idx on health_question using gin (search_folded gin_trgm_ops);

-- The thread of a question: the citizen's follow-ups and the doctors' answers, in order. author: 'citizen' or the
-- doctor's username; the public page shows neither.
create table health_message (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  question_id   bigint not null references health_question (id),
  from_doctor   boolean not null,
  author        text not null,
  author_name   text not null,
  body          text not null check (length(btrim(body)) between 2 and 4000),
  search_folded text generated always as (xaso_fold(body)) stored,
  written_at    timestamptz not null default now()
);
create index health_message_question_idx on health_message (question_id, id);

-- A vaccination or screening campaign and the people it reminds: a list of phones, or everyone of the given years
-- of birth among the commune's pupils (school module) — here only as given phones.
create table health_campaign (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  name         text not null check (length(btrim(name)) between 3 and 150),
  place        text not null check (length(btrim(place)) between 2 and 200),
  starts_on    date not null,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  reminded_at  timestamptz
);
create unique index health_campaign_name_uq on health_campaign (unit_code, xaso_fold(name));

create table health_campaign_person (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  campaign_id  bigint not null references health_campaign (id),
  phone        text not null check (phone ~ '^0[0-9]{9}$'),
  attended_at  timestamptz,
  unique (campaign_id, phone)
);

alter table health_question enable row level security;
alter table health_question force row level security;
create policy health_question_unit on health_question using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table health_message enable row level security;
alter table health_message force row level security;
create policy health_message_unit on health_message using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table health_campaign enable row level security;
alter table health_campaign force row level security;
create policy health_campaign_unit on health_campaign using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table health_campaign_person enable row level security;
alter table health_campaign_person force row level security;
create policy health_campaign_person_unit on health_campaign_person using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
