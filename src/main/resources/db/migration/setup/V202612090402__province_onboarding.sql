-- Province onboarding (docs/modules/setup.md, "Province onboarding"). Rows belong to one province and are
-- scoped in code by its code (the province administrator's own unit); they hold no citizen data, only the
-- first administrator's name and phone that the province itself supplied.

-- A checked spreadsheet waiting for confirmation: the dry run stores its rows here; confirming spends it once.
create table province_import (
  id             bigserial primary key,
  province_code  varchar(2) not null check (province_code ~ '^[0-9]{2}$'),
  created_by     text not null,
  rows           jsonb not null,
  created_at     timestamptz not null default now(),
  confirmed_at   timestamptz
);

-- One current setup invitation per commune. The token is kept only as its SHA-256; it opens
-- /setup/commune/{token} until the commune's setup is finished or it expires.
create table province_invite (
  commune_code    varchar(5) primary key check (commune_code ~ '^[0-9]{5}$'),
  province_code   varchar(2) not null check (province_code ~ '^[0-9]{2}$'),
  token_hash      text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  agency_code     text not null,
  admin_name      text not null,
  admin_phone     text not null,
  admin_email     text,
  import_id       bigint references province_import (id),
  invited_by      text not null,
  invited_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  -- 1 = invited, 2 = the commune administrator was created (half-way), 3 = finished (live)
  step            int not null default 1 check (step between 1 and 3),
  admin_username  text,
  finished_at     timestamptz,
  constraint province_invite_live_has_admin check (finished_at is null or admin_username is not null)
);
create index province_invite_province on province_invite (province_code);
