-- Issue 18: readings imported from a CSV file with their own times (ImportingReadings). One row per farm and file
-- (by its SHA-256), so the same file imported twice is refused: a reading older than the raw retention has left
-- farm_reading by then and would otherwise be counted twice in the hourly roll-up.
create table farm_import (
  unit_code    varchar(20) not null,
  farm_id      bigint not null references farm_farm (id),
  sha256       char(64) not null,
  imported_by  text not null,
  rows         integer not null check (rows > 0),
  imported_at  timestamptz not null,
  primary key (farm_id, sha256)
);

alter table farm_import enable row level security;
alter table farm_import force row level security;
create policy farm_import_unit on farm_import using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
