-- Editing a draft keeps the text it replaces (one row per saved edit), and "trả lại để sửa" records the
-- leader's reason as a note the drafter sees on the document page.
alter table document_note drop constraint document_note_kind_check;
alter table document_note add constraint document_note_kind_check
  check (kind in ('direction', 'processing', 'done', 'returned'));

create table document_version (
  id                bigint generated always as identity primary key,
  unit_code         varchar(20) not null,
  document_id       bigint not null references document (id),
  version           int not null check (version >= 1),
  type              text not null,
  summary           text not null,
  body              text not null,
  recipients        text not null,
  signer_name       text not null,
  saved_by          text not null,
  saved_at          timestamptz not null default now(),
  unique (document_id, version)
);

alter table document_version enable row level security;
alter table document_version force row level security;
create policy document_version_unit on document_version
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
