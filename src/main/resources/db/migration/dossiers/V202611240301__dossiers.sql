-- Dossiers (hồ sơ thủ tục hành chính). Every table holding a unit's data has unit_code and row-level
-- security; citizens have no unit scope, so the service reads their rows system-wide filtered by citizen_id.

-- The commune's agency code in dossier codes <agency>-YYMMDD-NNNN (editable by the commune's ADMIN).
create table dossier_agency (
  unit_code    varchar(20) primary key,
  agency_code  text not null check (agency_code ~ '^[A-Z0-9][A-Z0-9.-]{1,19}$'),
  updated_by   text not null,
  updated_at   timestamptz not null default now()
);

-- Daily sequence per unit and Vietnam date. Incremented with an upsert in the transaction that receives the
-- dossier: the row lock serialises concurrent submissions; a rolled-back transaction rolls the number back too,
-- so numbers seen by citizens have no gaps and are never reused.
create table dossier_sequence (
  unit_code    varchar(20) not null,
  day          date not null,
  last_number  int not null check (last_number between 1 and 9999),
  primary key (unit_code, day)
);

create table dossier (
  id                    bigint generated always as identity primary key,
  unit_code             varchar(20) not null,
  code                  text unique,
  procedure_code        text not null,
  procedure_version_id  bigint not null,
  procedure_name        text not null,
  workflow              text not null,
  result_template       text not null,
  channel               text not null check (channel in ('ONLINE', 'COUNTER', 'ASSISTED')),
  citizen_id            bigint references citizen (id),
  submitted_by_citizen  bigint references citizen (id),
  applicant_name        text not null default '' check (length(applicant_name) <= 200),
  applicant_cccd        text not null default '' check (applicant_cccd = '' or applicant_cccd ~ '^[0-9]{12}$'),
  applicant_phone       text not null default '' check (applicant_phone = '' or applicant_phone ~ '^0[35789][0-9]{8}$'),
  applicant_email       text not null default '' check (length(applicant_email) <= 254),
  applicant_address     text not null default '' check (length(applicant_address) <= 500),
  assisted_by           text,
  consent_by            text,
  consent_method        text check (consent_method in ('SIGNED_PAPER', 'OTP', 'IN_PERSON')),
  consent_at            timestamptz,
  consent_reference     text,
  form                  jsonb not null default '{}'::jsonb,
  state                 text not null,
  version               bigint not null default 0,
  created_at            timestamptz not null default now(),
  submitted_at          timestamptz,
  received_at           timestamptz,
  due_date              date,
  paused_at             timestamptz,
  paused_days_left      int,
  assignee              text,
  assignee_name         text,
  result_at             timestamptz,
  returned_at           timestamptz,
  return_method         text check (return_method in ('ONLINE', 'COUNTER', 'POST')),
  post_tracking         text,
  fee_vnd               bigint not null default 0 check (fee_vnd >= 0),
  bill_id               bigint,
  paid_at               timestamptz,
  paid_online           boolean not null default false,
  rating                int check (rating between 1 and 5),
  rating_comment        text check (length(rating_comment) <= 1000),
  rated_at              timestamptz,
  verify_token          text unique,
  result_pdf            bytea,
  result_signed_by      text,
  result_signed_at      timestamptz,
  digitised             boolean not null default false,
  constraint dossier_code_when_submitted check ((code is null) = (submitted_at is null)),
  constraint dossier_owner_online check (channel = 'COUNTER' or citizen_id is not null),
  constraint dossier_consent_assisted check (channel <> 'ASSISTED' or (consent_by is not null and consent_method is not null and consent_at is not null))
);
create index dossier_unit_state_idx on dossier (unit_code, state, due_date);
create index dossier_unit_submitted_idx on dossier (unit_code, submitted_at desc, id desc);
create index dossier_unit_assignee_idx on dossier (unit_code, assignee) where assignee is not null;
create index dossier_citizen_idx on dossier (citizen_id, id desc);
create index dossier_submitter_idx on dossier (submitted_by_citizen, id desc) where submitted_by_citizen is not null;
create index dossier_name_trgm_idx on dossier using gin (xaso_fold(applicant_name) gin_trgm_ops);

create table dossier_file (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  dossier_id    bigint not null references dossier (id) on delete cascade,
  name          text not null check (length(name) between 1 and 255),
  content_type  text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size          bigint not null check (size > 0),
  sha256        text not null,
  content       bytea not null,
  paper_code    text not null default '',
  digitised     boolean not null default false,
  is_result     boolean not null default false,
  added_by      text not null,
  added_at      timestamptz not null default now()
);
create index dossier_file_dossier_idx on dossier_file (dossier_id, id);

create table dossier_event (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  dossier_id  bigint not null references dossier (id) on delete cascade,
  at          timestamptz not null default now(),
  actor       text not null,
  actor_name  text not null,
  action      text not null,
  from_state  text,
  to_state    text,
  note        text not null default '' check (length(note) <= 2000),
  file_ids    bigint[] not null default '{}'
);
create index dossier_event_dossier_idx on dossier_event (dossier_id, id);

-- Phiếu xin lỗi và hẹn lại ngày trả kết quả: one per reschedule of a late dossier, kept as issued.
create table dossier_apology (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  dossier_id  bigint not null references dossier (id),
  old_due     date not null,
  new_due     date not null check (new_due > old_due),
  reason      text not null check (length(btrim(reason)) between 1 and 2000),
  pdf         bytea not null,
  created_by  text not null,
  created_at  timestamptz not null default now()
);
create index dossier_apology_dossier_idx on dossier_apology (dossier_id, id);

-- The citizen's personal document store (kho dữ liệu cá nhân): results put there on return and papers kept
-- for reuse. unit_code = the commune the paper came from.
create table personal_paper (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  citizen_id    bigint not null references citizen (id),
  title         text not null check (length(btrim(title)) between 1 and 300),
  kind          text not null check (kind in ('RESULT', 'PAPER')),
  content_type  text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size          bigint not null,
  content       bytea not null,
  dossier_code  text,
  added_at      timestamptz not null default now()
);
create index personal_paper_citizen_idx on personal_paper (citizen_id, id desc);

alter table dossier_agency enable row level security;
alter table dossier_agency force row level security;
create policy dossier_agency_unit on dossier_agency using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table dossier_sequence enable row level security;
alter table dossier_sequence force row level security;
create policy dossier_sequence_unit on dossier_sequence using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table dossier enable row level security;
alter table dossier force row level security;
create policy dossier_unit on dossier using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table dossier_file enable row level security;
alter table dossier_file force row level security;
create policy dossier_file_unit on dossier_file using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table dossier_event enable row level security;
alter table dossier_event force row level security;
create policy dossier_event_unit on dossier_event using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table dossier_apology enable row level security;
alter table dossier_apology force row level security;
create policy dossier_apology_unit on dossier_apology using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table personal_paper enable row level security;
alter table personal_paper force row level security;
create policy personal_paper_unit on personal_paper using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
