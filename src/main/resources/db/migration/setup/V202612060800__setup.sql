-- First-run setup of a commune instance (docs/modules/setup.md). Instance-wide, not per unit: there is
-- at most one setup, so setup_state holds one row (id = 1) and carries no row-level security.

create table setup_state (
  id              smallint primary key default 1 check (id = 1),
  -- SHA-256 (hex) of the one-time token in the setup address; the token itself is only in the data folder.
  token_hash      text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  step            int not null default 1 check (step between 1 and 7),
  unit_code       varchar(20),
  villages        text,
  -- Set once, by a guarded UPDATE in the transaction that creates the account: two browsers racing
  -- the wizard cannot both create an administrator.
  admin_username  text,
  agency_code     text,
  working_hours   text,
  bank_done       boolean not null default false,
  signing         text check (signing in ('IMPORTED', 'LATER')),
  officials       int not null default 0 check (officials >= 0),
  pending_import  text,
  procedures      text,
  started_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  completed_at    timestamptz,
  constraint setup_state_done_has_admin check (completed_at is null or (admin_username is not null and unit_code is not null)),
  constraint setup_state_admin_after_unit check (admin_username is null or unit_code is not null)
);

-- First-sign-in links of the officials added during setup: one use, limited life.
create table setup_invite (
  token       text primary key check (token ~ '^[A-Za-z0-9_-]{32,64}$'),
  unit_code   varchar(20) not null,
  username    text not null unique,
  full_name   text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz
);
