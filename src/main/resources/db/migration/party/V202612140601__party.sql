-- Party-member e-handbook (sổ tay đảng viên): the commune's party organisation (đảng bộ xã) and its cells (chi bộ),
-- members linked to an official's account (username) or a citizen's (id), cell meetings with materials and
-- attendance, the library of resolutions and directives, study materials with read marks, private member notes.
--
-- Strictly separated, twice (docs/modules/party.md, docs/security.md "Party contents"):
-- 1. in code: every statement of the party module names the caller's cell (or, for the commune party committee, the
--    commune), after the module looked up the caller's own membership;
-- 2. in PostgreSQL: besides the unit (xaso_unit_visible, as everywhere), each row needs the transaction's party scope,
--    which only the party module sets after that look-up (set_config(..., true), local to the transaction):
--      app.party_person  'o:<username>' or 'c:<citizen id>': the caller, to find their own membership row;
--      app.party_cells   '*' (a member of the commune party committee: every cell of the visible units) or the
--                        caller's cell id; empty for anyone else (an administrator included): no party row at all;
--      app.party_member  the caller's member id: their own notes only (not even the committee reads them).

create or replace function xaso_party_cell_visible(cell bigint) returns boolean
  language sql stable parallel safe as
$$
  select coalesce(current_setting('app.party_cells', true), '') = '*'
      or cell::text = any (string_to_array(nullif(current_setting('app.party_cells', true), ''), ','))
$$;

create or replace function xaso_party_any_member() returns boolean
  language sql stable parallel safe as
$$ select coalesce(current_setting('app.party_cells', true), '') <> '' $$;

create or replace function xaso_party_person(username text, citizen bigint) returns boolean
  language sql stable parallel safe as
$$
  select coalesce(current_setting('app.party_person', true), '') <> ''
     and (current_setting('app.party_person', true) = 'o:' || username
       or current_setting('app.party_person', true) = 'c:' || citizen::text)
$$;

-- A cell of the commune's party organisation: a village's (chi bộ thôn) or a named one (chi bộ cơ quan, trường học).
create table party_cell (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  name        text not null check (length(btrim(name)) between 3 and 150),
  created_by  text not null,
  created_at  timestamptz not null default now()
);
create unique index party_cell_name_uq on party_cell (unit_code, xaso_fold(name));

-- A party member: one cell each; an official's account (username) or a citizen's (id). secretary: manages the cell
-- (bí thư / phó bí thư chi bộ); committee: a member of the commune party committee (đảng ủy viên), sees every cell.
create table party_member (
  id                bigint generated always as identity primary key,
  unit_code         varchar(20) not null,
  cell_id           bigint not null references party_cell (id),
  full_name         text not null check (length(btrim(full_name)) between 2 and 100),
  official_username text,
  citizen_id        bigint,
  secretary         boolean not null default false,
  committee         boolean not null default false,
  active            boolean not null default true,
  added_by          text not null,
  added_at          timestamptz not null default now(),
  check ((official_username is null) <> (citizen_id is null))
);
create unique index party_member_official_uq on party_member (unit_code, official_username) where official_username is not null;
create unique index party_member_citizen_uq on party_member (unit_code, citizen_id) where citizen_id is not null;
create index party_member_cell_idx on party_member (cell_id, full_name);

-- A cell meeting (sinh hoạt chi bộ): MONTHLY (thường kỳ) or THEMATIC (chuyên đề), with its agenda.
create table party_meeting (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  cell_id     bigint not null references party_cell (id),
  kind        text not null check (kind in ('MONTHLY', 'THEMATIC')),
  title       text not null check (length(btrim(title)) between 3 and 200),
  starts_at   timestamptz not null,
  place       text not null check (length(btrim(place)) between 2 and 200),
  agenda      text not null check (length(agenda) <= 4000),
  created_by  text not null,
  created_at  timestamptz not null default now()
);
create index party_meeting_cell_idx on party_meeting (cell_id, starts_at desc);

-- A meeting's material: a PDF checked by its content.
create table party_material (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  cell_id     bigint not null references party_cell (id),
  meeting_id  bigint not null references party_meeting (id),
  title       text not null check (length(btrim(title)) between 1 and 200),
  pages       int not null check (pages > 0),
  content     bytea not null,
  added_by    text not null,
  added_at    timestamptz not null default now()
);
create index party_material_meeting_idx on party_material (meeting_id, id);

-- Who came to a meeting, marked by the cell's secretary (absent: with the reason given).
create table party_attendance (
  unit_code   varchar(20) not null,
  cell_id     bigint not null references party_cell (id),
  meeting_id  bigint not null references party_meeting (id),
  member_id   bigint not null references party_member (id),
  present     boolean not null,
  reason      text check (length(reason) <= 300),
  marked_by   text not null,
  marked_at   timestamptz not null default now(),
  primary key (meeting_id, member_id)
);

-- The library: resolutions, directives, conclusions and instructions of the party, filed by the committee for every
-- member of the commune's organisation; found without diacritics.
create table party_document (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  kind          text not null check (kind in ('RESOLUTION', 'DIRECTIVE', 'CONCLUSION', 'INSTRUCTION')),
  number        text not null check (length(btrim(number)) between 1 and 50),
  title         text not null check (length(btrim(title)) between 3 and 300),
  issued_on     date not null,
  summary       text not null check (length(summary) <= 2000),
  pages         int not null check (pages > 0),
  content       bytea not null,
  search_folded text generated always as (xaso_fold(number || ' ' || title || ' ' || summary)) stored,
  added_by      text not null,
  added_at      timestamptz not null default now()
);
create index party_document_unit_idx on party_document (unit_code, issued_on desc);
create index party_document_search_idx on party_document using gin (search_folded gin_trgm_ops);

-- Study materials (tài liệu học tập): for every member of the commune (cell_id null, the committee's) or one cell's
-- (its secretary's); each member marks what they have read.
create table party_study (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  cell_id     bigint references party_cell (id),
  title       text not null check (length(btrim(title)) between 3 and 200),
  pages       int not null check (pages > 0),
  content     bytea not null,
  added_by    text not null,
  added_at    timestamptz not null default now()
);
create index party_study_unit_idx on party_study (unit_code, added_at desc);

create table party_study_read (
  unit_code   varchar(20) not null,
  cell_id     bigint not null references party_cell (id),
  study_id    bigint not null references party_study (id),
  member_id   bigint not null references party_member (id),
  read_at     timestamptz not null default now(),
  primary key (study_id, member_id)
);

-- A member's private notes (optionally about a meeting): read by that member only.
create table party_note (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  member_id   bigint not null references party_member (id),
  meeting_id  bigint references party_meeting (id),
  body        text not null check (length(btrim(body)) between 1 and 4000),
  written_at  timestamptz not null default now()
);
create index party_note_member_idx on party_note (member_id, written_at desc);

alter table party_cell enable row level security;
alter table party_cell force row level security;
create policy party_cell_scope on party_cell
  using (xaso_unit_visible(unit_code) and xaso_party_cell_visible(id))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(id));
alter table party_member enable row level security;
alter table party_member force row level security;
create policy party_member_scope on party_member
  using (xaso_unit_visible(unit_code) and (xaso_party_cell_visible(cell_id) or xaso_party_person(official_username, citizen_id)))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id));
alter table party_meeting enable row level security;
alter table party_meeting force row level security;
create policy party_meeting_scope on party_meeting
  using (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id));
alter table party_material enable row level security;
alter table party_material force row level security;
create policy party_material_scope on party_material
  using (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id));
alter table party_attendance enable row level security;
alter table party_attendance force row level security;
create policy party_attendance_scope on party_attendance
  using (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id));
alter table party_document enable row level security;
alter table party_document force row level security;
create policy party_document_scope on party_document
  using (xaso_unit_visible(unit_code) and xaso_party_any_member())
  with check (xaso_unit_visible(unit_code) and xaso_party_any_member());
alter table party_study enable row level security;
alter table party_study force row level security;
create policy party_study_scope on party_study
  using (xaso_unit_visible(unit_code) and (case when cell_id is null then xaso_party_any_member() else xaso_party_cell_visible(cell_id) end))
  with check (xaso_unit_visible(unit_code) and (case when cell_id is null then xaso_party_any_member() else xaso_party_cell_visible(cell_id) end));
alter table party_study_read enable row level security;
alter table party_study_read force row level security;
create policy party_study_read_scope on party_study_read
  using (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id))
  with check (xaso_unit_visible(unit_code) and xaso_party_cell_visible(cell_id));
alter table party_note enable row level security;
alter table party_note force row level security;
create policy party_note_scope on party_note
  using (xaso_unit_visible(unit_code) and member_id::text = coalesce(current_setting('app.party_member', true), ''))
  with check (xaso_unit_visible(unit_code) and member_id::text = coalesce(current_setting('app.party_member', true), ''));
