-- Scheduled jobs run once across replicas: ShedLock's lock rows (one per job name).
-- Not unit data, so no row-level security; the application role reads and writes it.
create table if not exists shedlock (
  name       varchar(64)  primary key,
  lock_until timestamptz  not null,
  locked_at  timestamptz  not null,
  locked_by  varchar(255) not null
);
