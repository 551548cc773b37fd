-- School (trường học): the commune's schools with the account tuition is paid into, classes with their teacher,
-- pupils with the parent's phone (the parent's citizen account is found by it), the e-contact book (a teacher's
-- notes to one pupil's parent or the whole class, parents' replies) and tuition fees paid by VietQR through
-- payments (a bill per pupil and fee, paid into the school's account). Row-level security as everywhere.

create table school_school (
  id              bigint generated always as identity primary key,
  unit_code       varchar(20) not null,
  name            text not null check (length(btrim(name)) between 3 and 150),
  bank_bin        varchar(6) not null check (bank_bin ~ '^[0-9]{6}$'),
  account_number  varchar(19) not null check (account_number ~ '^[0-9]{6,19}$'),
  account_name    varchar(50) not null check (account_name ~ '^[A-Z0-9 .,&()/-]{2,50}$'),
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create unique index school_school_name_uq on school_school (unit_code, xaso_fold(name));

-- teacher: the username of the class's teacher (an account of the commune with role TEACHER).
create table school_class (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  school_id   bigint not null references school_school (id),
  name        text not null check (length(btrim(name)) between 1 and 50),
  school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
  teacher     text not null,
  created_at  timestamptz not null default now()
);
create unique index school_class_name_uq on school_class (school_id, school_year, xaso_fold(name));
create index school_class_teacher_idx on school_class (unit_code, teacher);

-- parent_phone: the parent's mobile; a citizen signed in with it sees this pupil's contact book, nobody else does.
create table school_pupil (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  class_id      bigint not null references school_class (id),
  full_name     text not null check (length(btrim(full_name)) between 2 and 100),
  birth_year    integer not null check (birth_year between 1990 and 2100),
  parent_name   text not null check (length(btrim(parent_name)) between 2 and 100),
  parent_phone  text not null check (parent_phone ~ '^0[0-9]{9}$'),
  created_at    timestamptz not null default now()
);
create index school_pupil_class_idx on school_pupil (class_id);
create index school_pupil_parent_idx on school_pupil (parent_phone);

-- A note of the contact book: pupil_id null = to every parent of the class.
create table school_note (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  class_id    bigint not null references school_class (id),
  pupil_id    bigint references school_pupil (id),
  author      text not null,
  author_name text not null,
  body        text not null check (length(btrim(body)) between 2 and 2000),
  written_at  timestamptz not null default now()
);
create index school_note_class_idx on school_note (class_id, written_at desc);

-- A parent's reply, about one pupil: seen by that pupil's parent and the class's teacher only.
create table school_reply (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  note_id     bigint not null references school_note (id),
  pupil_id    bigint not null references school_pupil (id),
  citizen_id  bigint not null,
  body        text not null check (length(btrim(body)) between 2 and 2000),
  written_at  timestamptz not null default now()
);
create index school_reply_note_idx on school_reply (note_id, pupil_id);

-- A fee of a class (tuition, …) and what each pupil owes: bill_id once the parent opened the payment (payments
-- bill "hocphi-<id>" paid into the school's account), paid_at once the bank said so.
create table school_fee (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  class_id    bigint not null references school_class (id),
  title       text not null check (length(btrim(title)) between 3 and 150),
  amount_vnd  bigint not null check (amount_vnd between 1000 and 100000000),
  created_by  text not null,
  created_at  timestamptz not null default now()
);
create unique index school_fee_title_uq on school_fee (class_id, xaso_fold(title));

create table school_charge (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  fee_id      bigint not null references school_fee (id),
  pupil_id    bigint not null references school_pupil (id),
  bill_id     bigint,
  paid_at     timestamptz,
  unique (fee_id, pupil_id)
);

alter table school_school enable row level security;
alter table school_school force row level security;
create policy school_school_unit on school_school using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_class enable row level security;
alter table school_class force row level security;
create policy school_class_unit on school_class using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_pupil enable row level security;
alter table school_pupil force row level security;
create policy school_pupil_unit on school_pupil using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_note enable row level security;
alter table school_note force row level security;
create policy school_note_unit on school_note using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_reply enable row level security;
alter table school_reply force row level security;
create policy school_reply_unit on school_reply using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_fee enable row level security;
alter table school_fee force row level security;
create policy school_fee_unit on school_fee using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table school_charge enable row level security;
alter table school_charge force row level security;
create policy school_charge_unit on school_charge using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
