-- Lines of the paper tracking book (sổ theo dõi hồ sơ) of the current year, imported from XLSX when a
-- commune goes live mid-year, so that the year's figures on the dashboard are whole. Read-only once
-- imported: the application may insert, never update or delete. One line per dossier code per
-- commune (importing the same file again adds nothing).
create table dossier_book_entry (
  id              bigserial primary key,
  unit_code       varchar(20) not null,
  code            text not null check (length(btrim(code)) between 1 and 60),
  procedure_name  text not null check (length(btrim(procedure_name)) between 1 and 500),
  applicant_name  text not null check (length(btrim(applicant_name)) between 1 and 200),
  received_at     timestamptz not null,
  due_date        date,
  handed_to       text,
  result_date     date,
  returned_date   date,
  note            text not null default '',
  imported_at     timestamptz not null default now(),
  imported_by     text not null,
  unique (unit_code, code)
);
create index dossier_book_entry_received_idx on dossier_book_entry (unit_code, received_at);

alter table dossier_book_entry enable row level security;
alter table dossier_book_entry force row level security;
create policy dossier_book_entry_unit on dossier_book_entry
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
grant select, insert on dossier_book_entry to ${app_role};
revoke update, delete, truncate on dossier_book_entry from ${app_role};
