-- Several replicas of a province share one signing master key: it is kept here, wrapped (AES-256-GCM)
-- by a key derived from the secret every replica is given (xaso.signing.key-wrapping-secret). Without
-- that secret a single instance keeps its key in a file of its data folder, as before.
create table if not exists signing_master_key (
  id         int primary key check (id = 1),
  salt       bytea not null,
  wrapped    bytea not null,
  created_at timestamptz not null default now()
);
