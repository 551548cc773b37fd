-- Failed official sign-ins, counted per (username, address), per username and per address, each
-- with a growing wait (docs/modules/identity.md). Keys are SHA-256 hashes; username_key lets an
-- administrator's "unlock" clear every row of one username. Not unit data: no row-level security.
create table signin_throttle (
  key             text        primary key,
  username_key    text,
  failures        int         not null default 0,
  wait_until      timestamptz,
  last_failure_at timestamptz not null default now()
);
create index signin_throttle_username on signin_throttle (username_key);
create index signin_throttle_age on signin_throttle (last_failure_at);
