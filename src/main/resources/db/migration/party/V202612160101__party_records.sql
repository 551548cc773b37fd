-- Issue 19, the e-handbook's remaining part (docs/modules/party.md):
-- * the commune-level organisation's name (đảng bộ xã) and each cell's village (a units village by its code; nullable:
--   named cells — chi bộ cơ quan, trường học — and cells made before stay valid);
-- * member records beyond the name: date of admission, date made official, party card number, year of birth, phone;
-- * moves of a member between cells of the commune (history: from, to — ids and the names then, so the moved member
--   reads their own history without seeing the old cell —, date, who);
-- * reminders sent (each once: a meeting's eve per member and start time, a month without a monthly meeting per cell).
-- Row-level security as for every party table: the unit and the transaction's party scope.

create table party_organisation (
  unit_code   varchar(20) primary key,
  name        text not null check (length(btrim(name)) between 3 and 150),
  named_by    text not null,
  named_at    timestamptz not null default now()
);

alter table party_cell add column village_code varchar(20);

alter table party_member
  add column admitted_on  date,
  add column official_on  date,
  add column card_number  text check (card_number ~ '^[0-9]{6,12}$'),
  add column birth_year   int check (birth_year between 1900 and 2100),
  add column phone        text check (length(phone) <= 20),
  add check (official_on is null or admitted_on is null or official_on >= admitted_on);

create table party_member_move (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  member_id     bigint not null references party_member (id),
  from_cell_id  bigint not null references party_cell (id),
  to_cell_id    bigint not null references party_cell (id),
  from_name     text not null,
  to_name       text not null,
  moved_on      date not null,
  moved_by      text not null,
  moved_at      timestamptz not null default now()
);
create index party_member_move_member_idx on party_member_move (member_id, id);

create table party_reminder (
  unit_code   varchar(20) not null,
  cell_id     bigint not null references party_cell (id),
  key         text not null primary key check (length(key) between 1 and 200),
  sent_at     timestamptz not null default now()
);

alter table party_organisation enable row level security;
alter table party_organisation force row level security;
create policy party_organisation_scope on party_organisation
  using (xaso_unit_visible(unit_code) and xaso_party_any_member())
  with check (xaso_unit_visible(unit_code) and coalesce(current_setting('app.party_cells', true), '') = '*');
alter table party_member_move enable row level security;
alter table party_member_move force row level security;
create policy party_member_move_scope on party_member_move
  using (xaso_unit_visible(unit_code) and (xaso_party_cell_visible(from_cell_id) or xaso_party_cell_visible(to_cell_id)
         or member_id::text = coalesce(current_setting('app.party_member', true), '')))
  with check (xaso_unit_visible(unit_code) and coalesce(current_setting('app.party_cells', true), '') = '*');
alter table party_reminder enable row level security;
alter table party_reminder force row level security;
create policy party_reminder_scope on party_reminder
  using (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id));
