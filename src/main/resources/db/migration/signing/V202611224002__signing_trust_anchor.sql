-- Trust anchors for validation: root or intermediate CA certificates administrators upload (in production
-- the national root CAs). One list per installation: everyone reads it (the public verification page runs
-- without a unit); only a caller whose scope includes the uploading unit may add or remove its rows.
create table signing_trust_anchor (
  id             bigserial primary key,
  sha256_hex     text not null unique,
  subject        text not null,
  issuer         text not null,
  not_before     timestamptz not null,
  not_after      timestamptz not null,
  der            bytea not null,
  added_by_unit  varchar(20) not null,
  added_by       text not null,
  added_at       timestamptz not null default now()
);

alter table signing_trust_anchor enable row level security;
alter table signing_trust_anchor force row level security;
create policy signing_trust_anchor_read on signing_trust_anchor for select using (true);
create policy signing_trust_anchor_insert on signing_trust_anchor for insert with check (xaso_unit_visible(added_by_unit));
create policy signing_trust_anchor_delete on signing_trust_anchor for delete using (xaso_unit_visible(added_by_unit));
