-- Audit log: one hash chain per unit (commune, province, or 'SYSTEM' for work that belongs to none).
-- Each entry stores the previous entry's hash, so editing or deleting one breaks every later link.
-- The application may only append: UPDATE and DELETE are revoked from its role.
create table audit_entry (
  id             bigserial primary key,
  unit_code      text        not null,
  seq            bigint      not null,
  at             timestamptz not null,
  actor          text        not null,
  action         text        not null,
  object_type    text,
  object_id      text,
  before_summary text,
  after_summary  text,
  prev_hash      text        not null,
  hash           text        not null,
  unique (unit_code, seq)
);
create index audit_entry_unit_at on audit_entry (unit_code, at desc);
create index audit_entry_action on audit_entry (unit_code, action);

create table audit_chain_head (
  unit_code text primary key,
  seq       bigint not null,
  hash      text   not null
);

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy audit_entry_unit on audit_entry
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

alter table audit_chain_head enable row level security;
alter table audit_chain_head force row level security;
create policy audit_chain_head_unit on audit_chain_head
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

revoke update, delete, truncate on audit_entry from ${app_role};
revoke delete, truncate on audit_chain_head from ${app_role};
