-- Signing identities: a PKCS#12 file per official or per organisation, created (generated) or imported by
-- the unit's administrator. The .p12 bytes are sealed with AES-GCM under the installation's master key
-- (xaso.signing.master-key or <data-dir>/signing-master.key) and are themselves protected by the holder's
-- password, which is never stored.
create table signing_identity (
  id                bigserial primary key,
  unit_code         varchar(20) not null,
  holder_kind       text not null check (holder_kind in ('OFFICIAL', 'ORGANISATION')),
  holder_name       text not null check (length(holder_name) between 1 and 200),
  official_username text,
  source            text not null check (source in ('GENERATED', 'IMPORTED')),
  subject           text not null,
  issuer            text not null,
  serial_hex        text not null,
  not_before        timestamptz not null,
  not_after         timestamptz not null,
  certificate_der   bytea not null,
  p12_sealed        bytea not null,
  active            boolean not null default true,
  created_by        text not null,
  created_at        timestamptz not null default now()
);
create index signing_identity_unit_idx on signing_identity (unit_code, holder_kind);

alter table signing_identity enable row level security;
alter table signing_identity force row level security;
create policy signing_identity_unit on signing_identity
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
