-- The offline field app (issue 16): every entry a team member's phone sends (a visit, a survey) carries a
-- client id made on the phone. The unique index makes a retried sync (the answer was lost on the way back)
-- find the entry it already sent instead of saving it twice. A survey written offline on an older copy of
-- the household, when a newer survey came meanwhile from another device, is kept here for review
-- ('review') and never dropped: a person keeps it as a survey ('kept') or sets it aside ('set_aside').
create table community_field_entry (
  id                  bigint generated always as identity primary key,
  unit_code           varchar(20) not null,
  client_id           uuid not null,
  device_id           uuid not null,
  member_id           bigint not null references community_member (id),
  username            text not null,
  kind                text not null check (kind in ('visit', 'survey')),
  household_id        bigint not null references community_household (id),
  base_survey_id      bigint not null default 0,
  made_at             timestamptz not null,
  status              text not null check (status in ('saved', 'review', 'kept', 'set_aside')),
  record_id           bigint,
  newer_survey_id     bigint references community_survey (id),
  -- A survey's answers, kept while it waits for review.
  surveyed_on         date,
  smartphones         integer check (smartphones between 0 and 20),
  internet            text check (internet in ('fibre', 'mobile', 'none')),
  e_payment           boolean,
  vneid_level2        boolean,
  uses_app            boolean,
  in_zalo_group       boolean,
  main_barrier        text check (main_barrier in ('none', 'cost', 'skill', 'trust')),
  received_at         timestamptz not null default now(),
  decided_by          text,
  decided_at          timestamptz,
  check (kind = 'visit' or (surveyed_on is not null and smartphones is not null and internet is not null
    and e_payment is not null and vneid_level2 is not null and uses_app is not null and in_zalo_group is not null
    and main_barrier is not null))
);
create unique index community_field_entry_client_uq on community_field_entry (unit_code, client_id);
create index community_field_entry_review_idx on community_field_entry (unit_code, member_id) where status = 'review';
create index community_field_entry_device_idx on community_field_entry (household_id, device_id) where kind = 'survey';

revoke delete, truncate on community_field_entry from ${app_role};

alter table community_field_entry enable row level security;
alter table community_field_entry force row level security;
create policy community_field_entry_unit on community_field_entry using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
