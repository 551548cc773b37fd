-- Official documents (văn bản đến / văn bản đi) of each commune, their registers and numbering.

-- Per-commune settings: the agency abbreviation used in symbols (Nghị định 30/2020, Phụ lục III).
create table document_setting (
  unit_code    varchar(20) primary key,
  agency_abbr  text not null default 'UBND' check (agency_abbr ~ '^[A-ZĐ0-9]{1,12}$'),
  office_abbr  text not null default 'VP' check (office_abbr ~ '^[A-ZĐ0-9]{1,12}$'),
  updated_at   timestamptz not null default now()
);

-- One counter per commune, register ('di' outgoing, 'den' incoming) and Vietnam-local year.
-- Numbers are taken inside the releasing transaction with SELECT … FOR UPDATE, so a rolled-back
-- release gives its number back and concurrent releases queue on the row.
create table document_counter (
  unit_code    varchar(20) not null,
  register     text not null check (register in ('di', 'den')),
  year         int  not null check (year between 2000 and 2199),
  last_number  int  not null default 0 check (last_number >= 0),
  primary key (unit_code, register, year)
);

create table document (
  id                 bigint generated always as identity primary key,
  unit_code          varchar(20) not null,
  direction          text not null check (direction in ('out', 'in')),
  type               text not null,
  status             text not null,
  summary            text not null check (length(btrim(summary)) between 1 and 500),
  body               text not null default '',
  recipients         text not null default '',
  internal_recipients text not null default '',
  place_name         text not null default '',
  signer_name        text not null default '',
  signer_title       text not null default '',
  signer_authority   text not null default '',
  -- register entry: number in the register of the year (outgoing: số văn bản; incoming: số đến)
  register_year      int,
  number             int,
  number_symbol      text,
  issued_on          date,
  released_at        timestamptz,
  -- incoming metadata (Phụ lục VI)
  issuer             text not null default '',
  original_number    text not null default '',
  original_date      date,
  urgency            text not null default 'thuong' check (urgency in ('thuong', 'khan', 'hoa_toc')),
  page_count         int,
  attachment_count   int not null default 0,
  received_on        date,
  direction_note     text not null default '',
  deadline           date,
  done_at            timestamptz,
  reply_id           bigint references document (id),
  source_document_id bigint,
  source_unit_code   varchar(20),
  -- the PDF (uploaded or rendered) and its text for search
  pdf                bytea,
  pdf_text           text not null default '',
  created_by         text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  search_folded      text generated always as (xaso_fold(
      type || ' ' || summary || ' ' || coalesce(number_symbol, '') || ' ' || issuer || ' ' || original_number || ' '
      || signer_name || ' ' || recipients || ' ' || body || ' ' || left(pdf_text, 200000))) stored,
  constraint document_number_unique unique (unit_code, direction, register_year, number),
  constraint document_status_valid check (
    (direction = 'out' and status in ('draft', 'submitted', 'approved', 'released'))
    or (direction = 'in' and status in ('registered', 'assigned', 'done'))),
  constraint document_released_numbered check (
    status not in ('released', 'registered', 'assigned', 'done') or (number is not null and register_year is not null))
);
create index document_unit_idx on document (unit_code, direction, status, created_at desc);
create index document_search_idx on document using gin (search_folded gin_trgm_ops);

-- A released outgoing document is a legal record: nothing in it may change any more.
create or replace function document_released_is_immutable() returns trigger language plpgsql as $$
begin
  if old.direction = 'out' and old.status = 'released' then
    raise exception 'Văn bản đã ban hành, không được sửa (document % is released)', old.id
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger document_released_immutable before update or delete on document
  for each row execute function document_released_is_immutable();

create table document_assignment (
  document_id  bigint not null references document (id),
  unit_code    varchar(20) not null,
  username     text not null,
  full_name    text not null,
  deadline     date not null,
  assigned_by  text not null,
  assigned_at  timestamptz not null default now(),
  primary key (document_id, username)
);
create index document_assignment_user_idx on document_assignment (unit_code, username);

create table document_note (
  id           bigint generated always as identity primary key,
  document_id  bigint not null references document (id),
  unit_code    varchar(20) not null,
  kind         text not null check (kind in ('direction', 'processing', 'done')),
  author       text not null,
  text         text not null check (length(btrim(text)) between 1 and 4000),
  created_at   timestamptz not null default now()
);
create index document_note_doc_idx on document_note (document_id, id);

alter table document_setting enable row level security;
alter table document_setting force row level security;
create policy document_setting_unit on document_setting
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table document_counter enable row level security;
alter table document_counter force row level security;
create policy document_counter_unit on document_counter
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table document enable row level security;
alter table document force row level security;
create policy document_unit on document
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table document_assignment enable row level security;
alter table document_assignment force row level security;
create policy document_assignment_unit on document_assignment
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table document_note enable row level security;
alter table document_note force row level security;
create policy document_note_unit on document_note
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
