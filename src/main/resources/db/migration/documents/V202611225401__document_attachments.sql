-- Attachments (phụ lục, tài liệu kèm theo) of an outgoing document sent as separate PDF files
-- (Nghị định 30/2020, Phụ lục I): added and removed while the document is a draft, signed by the
-- organisation at release (top right of page 1, with the document's number/symbol and signing time),
-- and copied with the document to the communes of XaSo it is delivered to.
create table document_attachment (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  document_id  bigint not null references document (id),
  title        text not null check (length(btrim(title)) between 1 and 300),
  pdf          bytea not null,
  signed       boolean not null default false,
  created_by   text not null,
  created_at   timestamptz not null default now()
);
create index document_attachment_doc_idx on document_attachment (document_id, id);

-- The attachments of a released outgoing document are part of the legal record: they are signed in
-- the release transaction before the document row becomes 'released', and never change afterwards.
create or replace function document_attachment_released_is_immutable() returns trigger language plpgsql as $$
declare
  doc_id bigint := coalesce(old.document_id, new.document_id);
begin
  if tg_op = 'UPDATE' and new.document_id <> old.document_id then
    raise exception 'Tệp kèm theo không chuyển sang văn bản khác được' using errcode = 'check_violation';
  end if;
  if exists (select 1 from document d where d.id = doc_id and d.direction = 'out' and d.status = 'released') then
    raise exception 'Văn bản đã ban hành, không được sửa tệp kèm theo (document % is released)', doc_id
      using errcode = 'check_violation';
  end if;
  return coalesce(new, old);
end $$;
create trigger document_attachment_released_immutable before insert or update or delete on document_attachment
  for each row execute function document_attachment_released_is_immutable();

alter table document_attachment enable row level security;
alter table document_attachment force row level security;
create policy document_attachment_unit on document_attachment
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
