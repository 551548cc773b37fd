-- Issue 20 (school, second part): a parent's consent, daily attendance with a QR card per pupil, term results as
-- the school entered them, tuition marked paid in cash, and which parent read which note.

-- card_token: the opaque code of the pupil's attendance card (its QR holds only this, never a name or id).
-- parent_citizen_id / consent_at: the citizen who confirmed being the pupil's parent and when (null = not confirmed,
-- or withdrawn); the history is in school_consent.
alter table school_pupil add column card_token text;
update school_pupil set card_token = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12));
alter table school_pupil alter column card_token set not null;
alter table school_pupil alter column card_token set default upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12));
create unique index school_pupil_card_uq on school_pupil (card_token);
alter table school_pupil add column parent_citizen_id bigint;
alter table school_pupil add column consent_at timestamptz;

-- Each confirmation (confirmed = true) and withdrawal (false), alternating per pupil.
create table school_consent (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  pupil_id    bigint not null references school_pupil (id),
  citizen_id  bigint not null,
  confirmed   boolean not null,
  at          timestamptz not null default now()
);
create index school_consent_pupil_idx on school_consent (pupil_id, id);

-- A pupil's mark of a school day: present is the default (no row). ABSENT/LATE by the teacher (with a reason),
-- ARRIVED when the card was scanned at the gate.
create table school_attendance (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  class_id    bigint not null references school_class (id),
  pupil_id    bigint not null references school_pupil (id),
  day         date not null,
  status      text not null check (status in ('ABSENT', 'LATE', 'ARRIVED')),
  reason      text not null default '' check (length(reason) <= 200),
  arrived_at  timestamptz,
  marked_by   text not null,
  marked_at   timestamptz not null default now(),
  unique (pupil_id, day)
);
create index school_attendance_class_idx on school_attendance (class_id, day);

-- A term result as the school entered it (no grading here): per pupil, term and subject.
create table school_result (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  class_id    bigint not null references school_class (id),
  pupil_id    bigint not null references school_pupil (id),
  term        text not null check (length(btrim(term)) between 2 and 50),
  subject     text not null check (length(btrim(subject)) between 2 and 60),
  result      text not null check (length(btrim(result)) between 1 and 30),
  comment     text not null default '' check (length(comment) <= 500),
  entered_by  text not null,
  entered_at  timestamptz not null default now()
);
create unique index school_result_uq on school_result (pupil_id, term, xaso_fold(subject));
create index school_result_class_idx on school_result (class_id, term);

-- A parent opened a note (first time only): the contact book's "read" figure.
create table school_note_read (
  note_id    bigint not null references school_note (id),
  pupil_id   bigint not null references school_pupil (id),
  unit_code  varchar(20) not null,
  read_at    timestamptz not null default now(),
  primary key (note_id, pupil_id)
);

-- paid_cash: the school marked the charge paid in cash (not by VietQR).
alter table school_charge add column paid_cash boolean not null default false;

alter table school_consent enable row level security;
alter table school_consent force row level security;
create policy school_consent_unit on school_consent using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_attendance enable row level security;
alter table school_attendance force row level security;
create policy school_attendance_unit on school_attendance using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_result enable row level security;
alter table school_result force row level security;
create policy school_result_unit on school_result using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_note_read enable row level security;
alter table school_note_read force row level security;
create policy school_note_read_unit on school_note_read using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
