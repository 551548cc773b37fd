-- Platform base: extensions, the application role, tenancy helpers, the event registry.
-- Runs as the database owner. The application logs in as ${app_role}: no SUPERUSER, no BYPASSRLS,
-- so row-level security applies to everything it does.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
create extension if not exists pgcrypto;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = '${app_role}') then
    execute format('create role %I login nosuperuser nobypassrls nocreatedb nocreaterole password %L',
                   '${app_role}', '${app_password}');
  end if;
end
$$;

grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
alter default privileges in schema public grant execute on functions to ${app_role};

-- Diacritic- and case-insensitive folding for search: 'Xã Yên Mô' -> 'xa yen mo', 'Đông' -> 'dong'.
create or replace function xaso_fold(t text) returns text
  language sql immutable parallel safe strict as
$$ select lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

-- True when the current transaction's caller may see rows of the given unit.
-- app.units is set per transaction by the application: '*' (system work), or a comma-separated
-- list of unit codes. Unset or '' (a pooled connection after a transaction) matches nothing.
create or replace function xaso_unit_visible(code text) returns boolean
  language sql stable parallel safe as
$$
  select coalesce(current_setting('app.units', true), '') = '*'
      or code = any (string_to_array(nullif(current_setting('app.units', true), ''), ','))
$$;

-- Spring Modulith 2.x event publication registry (transactional outbox).
create table if not exists event_publication (
  id                     uuid primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
