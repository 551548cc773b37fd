-- Work files (hồ sơ công việc, Nghị định 30/2020 Chương IV) and their frozen archive records.

-- One work file of a commune. organ_id is the unit that made the file (Phụ lục VI mục III.1.1):
-- the commune itself, or the original commune of a file imported from an archive package.
create table work_file (
  id               bigint generated always as identity primary key,
  unit_code        varchar(20) not null,
  organ_id         varchar(20) not null,
  code             text not null check (code ~ '^[0-9A-Za-z][0-9A-Za-z./-]{0,19}$'),
  title            text not null check (length(btrim(title)) between 1 and 500),
  year             int  not null check (year between 1900 and 2199),
  handler_username text,
  handler_name     text not null check (length(btrim(handler_name)) between 1 and 100),
  retention        text not null check (retention in ('5', '10', '20', '50', '70', 'permanent')),
  status           text not null default 'open' check (status in ('open', 'closed')),
  imported         boolean not null default false,
  created_by       text not null,
  created_at       timestamptz not null default now(),
  closed_by        text,
  closed_at        timestamptz,
  title_folded     text generated always as (xaso_fold(code || ' ' || title || ' ' || handler_name)) stored,
  constraint work_file_code_unique unique (unit_code, organ_id, code),
  constraint work_file_closed_stamped check (status = 'open' or closed_at is not null)
);
create index work_file_unit_idx on work_file (unit_code, year desc, id desc);

-- Live documents filed into an open work file; a document is in at most one work file.
create table work_file_document (
  work_file_id bigint not null references work_file (id),
  document_id  bigint not null references document (id),
  unit_code    varchar(20) not null,
  added_by     text not null,
  added_at     timestamptz not null default now(),
  primary key (work_file_id, document_id),
  constraint work_file_document_once unique (document_id)
);

-- The frozen content of a closed work file: a copy of each document's metadata (Phụ lục VI) and
-- PDF, taken at closing time or read from an imported archive package. Never changed afterwards.
create table work_file_record (
  id                 bigint generated always as identity primary key,
  unit_code          varchar(20) not null,
  work_file_id       bigint not null references work_file (id),
  ordinal            int not null check (ordinal between 1 and 999),
  source_document_id bigint,
  direction          text not null check (direction in ('out', 'in')),
  type               text not null,
  register_year      int,
  number             int,
  number_symbol      text not null default '',
  issued_on          date,
  organ_name         text not null default '',
  summary            text not null,
  signer_name        text not null default '',
  signer_title       text not null default '',
  signer_authority   text not null default '',
  recipients         text not null default '',
  urgency            text not null check (urgency in ('thuong', 'khan', 'hoa_toc')),
  page_count         int not null,
  attachment_count   int not null default 0,
  received_on        date,
  deadline           date,
  pdf                bytea not null,
  pdf_sha256         text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  constraint work_file_record_ordinal unique (work_file_id, ordinal)
);

-- Closing freezes the content: no document joins or leaves a closed work file, a closed work file
-- never changes or disappears, and its records are never updated or deleted.
create or replace function work_file_is_frozen() returns trigger language plpgsql as $$
declare
  wf_status text;
begin
  if tg_table_name = 'work_file' then
    if old.status = 'closed' then
      raise exception 'Hồ sơ đã đóng, không được sửa (work file % is closed)', old.id using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_table_name = 'work_file_record' and tg_op <> 'INSERT' then
    raise exception 'Hồ sơ đã đóng, không được sửa (record % is frozen)', old.id using errcode = 'check_violation';
  end if;
  select status into wf_status from work_file
   where id = case when tg_op = 'DELETE' then old.work_file_id else new.work_file_id end;
  if wf_status = 'closed' then
    raise exception 'Hồ sơ đã đóng, không được thêm hoặc bớt văn bản' using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger work_file_frozen before update or delete on work_file
  for each row execute function work_file_is_frozen();
create trigger work_file_document_frozen before insert or update or delete on work_file_document
  for each row execute function work_file_is_frozen();
create trigger work_file_record_frozen before insert or update or delete on work_file_record
  for each row execute function work_file_is_frozen();

alter table work_file enable row level security;
alter table work_file force row level security;
create policy work_file_unit on work_file
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table work_file_document enable row level security;
alter table work_file_document force row level security;
create policy work_file_document_unit on work_file_document
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table work_file_record enable row level security;
alter table work_file_record force row level security;
create policy work_file_record_unit on work_file_record
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
