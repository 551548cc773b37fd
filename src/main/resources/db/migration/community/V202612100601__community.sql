-- Digital society in the village (xã hội số): households and their consent, dated digital-adoption
-- surveys, community technology teams (Tổ công nghệ số cộng đồng) and their members, households
-- assigned to members, visits with follow-ups, training sessions and touch points.

-- A household (hộ gia đình). Nothing personal is kept without consent: what was agreed, when, recorded by whom.
-- head_key is the folded head name; same head + birth year + village, or same phone, is one household.
create table community_household (
  id               bigint generated always as identity primary key,
  unit_code        varchar(20) not null,
  village_id       bigint not null references village (id),
  head_name        text not null check (length(btrim(head_name)) between 1 and 100),
  head_key         text not null,
  head_birth_year  integer not null check (head_birth_year between 1900 and 2100),
  head_cccd        text check (head_cccd ~ '^[0-9]{12}$'),
  members          text check (length(members) <= 2000),
  phone            text check (phone ~ '^0[0-9]{9}$'),
  address          text not null check (length(address) <= 300),
  consent_what     text not null check (length(btrim(consent_what)) between 1 and 300),
  consent_on       date not null,
  consent_by       text not null,
  elderly_alone    boolean not null default false,
  disability       boolean not null default false,
  poor             boolean not null default false,
  created_by       text not null,
  created_at       timestamptz not null default now()
);
create unique index community_household_head_uq on community_household (unit_code, village_id, head_key, head_birth_year);
create unique index community_household_phone_uq on community_household (unit_code, phone) where phone is not null;
create index community_household_village_idx on community_household (unit_code, village_id, head_key);

-- Digital-adoption survey records: dated, appended, never overwritten (UPDATE/DELETE revoked below).
create table community_survey (
  id             bigint generated always as identity primary key,
  unit_code      varchar(20) not null,
  household_id   bigint not null references community_household (id),
  surveyed_on    date not null,
  smartphones    integer not null check (smartphones between 0 and 20),
  internet       text not null check (internet in ('fibre', 'mobile', 'none')),
  e_payment      boolean not null,
  vneid_level2   boolean not null,
  uses_app       boolean not null,
  in_zalo_group  boolean not null,
  main_barrier   text not null check (main_barrier in ('none', 'cost', 'skill', 'trust')),
  recorded_by    text not null,
  recorded_at    timestamptz not null default now()
);
create index community_survey_household_idx on community_survey (household_id, surveyed_on desc, id desc);

-- Teams at commune level (village_id null) or village level.
create table community_team (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  village_id  bigint references village (id),
  name        text not null check (length(btrim(name)) between 1 and 100),
  created_at  timestamptz not null default now()
);
create unique index community_team_name_uq on community_team (unit_code, xaso_fold(name));

-- A member holds an account (role COMMUNITY_TEAM) of the commune, by username.
create table community_member (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  team_id     bigint not null references community_team (id),
  username    text not null,
  full_name   text not null,
  leader      boolean not null default false,
  created_at  timestamptz not null default now()
);
create unique index community_member_username_uq on community_member (unit_code, username);
create unique index community_member_leader_uq on community_member (team_id) where leader;

-- Each household is looked after by at most one member.
create table community_assignment (
  household_id  bigint primary key references community_household (id),
  unit_code     varchar(20) not null,
  member_id     bigint not null references community_member (id),
  assigned_at   timestamptz not null default now()
);
create index community_assignment_member_idx on community_assignment (member_id);

create table community_visit (
  id             bigint generated always as identity primary key,
  unit_code      varchar(20) not null,
  household_id   bigint not null references community_household (id),
  member_id      bigint not null references community_member (id),
  visited_at     timestamptz not null,
  actions        text[] not null,
  outcome        text not null check (length(btrim(outcome)) between 1 and 1000),
  follow_up_on   date,
  created_at     timestamptz not null default now()
);
create index community_visit_household_idx on community_visit (household_id, visited_at desc);
create index community_visit_member_idx on community_visit (member_id, follow_up_on);

-- Touch points: cultural houses, post offices… with internet or a TV.
create table community_touch_point (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  village_id  bigint references village (id),
  name        text not null check (length(btrim(name)) between 1 and 100),
  hours       text not null check (length(hours) <= 200),
  latitude    numeric(9, 6) check (latitude between -90 and 90),
  longitude   numeric(9, 6) check (longitude between -180 and 180),
  created_at  timestamptz not null default now()
);
create unique index community_touch_point_name_uq on community_touch_point (unit_code, xaso_fold(name));

create table community_training (
  id              bigint generated always as identity primary key,
  unit_code       varchar(20) not null,
  touch_point_id  bigint references community_touch_point (id),
  topic           text not null check (length(btrim(topic)) between 1 and 200),
  trainer         text not null check (length(btrim(trainer)) between 1 and 100),
  held_on         date not null,
  created_by      text not null,
  created_at      timestamptz not null default now()
);

create table community_attendance (
  training_id   bigint not null references community_training (id),
  household_id  bigint not null references community_household (id),
  unit_code     varchar(20) not null,
  primary key (training_id, household_id)
);

revoke update, delete, truncate on community_survey from ${app_role};

alter table community_household enable row level security;
alter table community_household force row level security;
create policy community_household_unit on community_household using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_survey enable row level security;
alter table community_survey force row level security;
create policy community_survey_unit on community_survey using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_team enable row level security;
alter table community_team force row level security;
create policy community_team_unit on community_team using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_member enable row level security;
alter table community_member force row level security;
create policy community_member_unit on community_member using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_assignment enable row level security;
alter table community_assignment force row level security;
create policy community_assignment_unit on community_assignment using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_visit enable row level security;
alter table community_visit force row level security;
create policy community_visit_unit on community_visit using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_touch_point enable row level security;
alter table community_touch_point force row level security;
create policy community_touch_point_unit on community_touch_point using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_training enable row level security;
alter table community_training force row level security;
create policy community_training_unit on community_training using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table community_attendance enable row level security;
alter table community_attendance force row level security;
create policy community_attendance_unit on community_attendance using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
