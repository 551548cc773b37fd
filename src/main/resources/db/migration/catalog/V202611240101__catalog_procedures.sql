-- Procedure catalogue: every published version of every procedure, national or a commune's own.
-- Rows are immutable: an edit inserts a new version; the application may not update or delete.
-- unit_code is null for the national catalogue (written only by the system seed loader) and a
-- commune code for a commune's own procedure or its version of a national one (shadowing it for
-- that commune only).
create table catalog_procedure_version (
  id               bigint generated always as identity primary key,
  code             text not null check (code ~ '^[0-9A-Za-z][0-9A-Za-z.\-]{0,39}$'),
  version          int  not null check (version >= 1),
  unit_code        varchar(20),
  name             text not null check (length(btrim(name)) between 1 and 500),
  field            text not null check (length(btrim(field)) between 1 and 100),
  time_amount      int  not null check (time_amount between 0 and 365),
  time_kind        text not null check (time_kind in ('SAME_DAY', 'WORKING_HOURS', 'WORKING_DAYS')),
  time_cutoff      time not null default '15:00',
  fees             jsonb not null,
  papers           jsonb not null,
  form             jsonb not null,
  online_mode      text not null check (online_mode in ('FULL', 'PARTIAL', 'COUNTER_ONLY')),
  result_template  text not null,
  legal_basis      text not null default '',
  workflow         text not null check (workflow ~ '^[a-z][a-z0-9-]{0,39}$'),
  sources          text not null default '',
  content_hash     text not null,
  published_at     timestamptz not null default now(),
  published_by     text not null,
  search           text generated always as (xaso_fold(code || ' ' || name || ' ' || field)) stored
);
-- One version number per code across national and each commune (a commune's edit of a national
-- procedure continues the national numbering).
create unique index catalog_procedure_version_key on catalog_procedure_version (code, coalesce(unit_code, ''), version);
create index catalog_procedure_version_unit_idx on catalog_procedure_version (unit_code, code, version desc);
create index catalog_procedure_version_search_trgm_idx on catalog_procedure_version using gin (search gin_trgm_ops);

-- The catalogue is public information (procedures must be published, Nghị định 63/2010/NĐ-CP,
-- Điều 13): anyone, even an anonymous visitor looking at a commune's page, may read every row, and
-- a dossier must find the exact version it was submitted on whatever the reader's scope. Writing
-- is per unit: a commune writes only its own rows, national rows only system work ('*').
alter table catalog_procedure_version enable row level security;
alter table catalog_procedure_version force row level security;
create policy catalog_procedure_version_read on catalog_procedure_version for select using (true);
create policy catalog_procedure_version_write on catalog_procedure_version for insert
  with check (xaso_unit_visible(coalesce(unit_code, '*')));
grant select, insert on catalog_procedure_version to ${app_role};
revoke update, delete, truncate on catalog_procedure_version from ${app_role};
