-- Double submits: the first result of each creating request, so that a repeat (a second click, a
-- client retry with the same Idempotency-Key) gets that result instead of making a second object.
-- One row per (caller scope, key). The first request inserts 'in_progress'; a concurrent duplicate
-- waits until the row is 'done' and replays it. Rows older than 24 hours are deleted by a job.
-- Platform-level, not per commune: no unit code, no row-level security; the scope column keeps
-- one caller's keys apart from another's.
create table platform_idempotency (
  scope            text        not null,  -- 'user:<name>', 'session:<sha-256 of the session id>' or 'anonymous'
  idem_key         text        not null,  -- 'api:<Idempotency-Key>' or 'form:<sha-256 of form token and content>'
  fingerprint      text        not null,  -- sha-256 of method, path and body: same key, other body = 422
  status           text        not null check (status in ('in_progress', 'done')),
  response_status  int,
  response_location text,
  response_type    text,
  response_body    bytea,
  created_at       timestamptz not null default now(),
  primary key (scope, idem_key)
);
create index platform_idempotency_created on platform_idempotency (created_at);
