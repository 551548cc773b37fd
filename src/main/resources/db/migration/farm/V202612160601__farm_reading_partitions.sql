-- Issue 18: farm_reading partitioned by time — one partition per week (Monday 00:00 UTC to the next Monday), a
-- default partition for a reading whose week has no partition yet (never lost), retention by dropping whole weeks.
-- Why a week (docs/modules/farm.md, "Retention"): a month keeps up to a month past the retention and, for a province
-- of 1,000 devices at 1 msg/s, holds billions of rows; a day makes ~100 partitions at 90 days' retention, which every
-- query without a time range (a device's count, the export's join) must plan over. A week: ~14 partitions at 90 days,
-- dropped at most 7 days late.
-- The application's login may not create or drop tables: two SECURITY DEFINER functions owned by the migration's
-- login (the database owner) do it, and only that; the application calls them from FarmJobs (ShedLock).

alter table farm_reading rename to farm_reading_unpartitioned;
alter table farm_reading_unpartitioned rename constraint farm_reading_pkey to farm_reading_unpartitioned_pkey;
alter index farm_reading_at_idx rename to farm_reading_unpartitioned_at_idx;
drop policy farm_reading_unit on farm_reading_unpartitioned;

create table farm_reading (
  unit_code  varchar(20) not null,
  device_id  bigint not null references farm_device (id),
  key        text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  at         timestamptz not null,
  value      double precision not null,
  primary key (device_id, key, at)
) partition by range (at);
create index farm_reading_at_idx on farm_reading (at);

-- Row-level security on the parent: every query of the application goes through it (it has no right on a partition).
alter table farm_reading enable row level security;
alter table farm_reading force row level security;
create policy farm_reading_unit on farm_reading using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
grant select, insert, update, delete on farm_reading to ${app_role};

create table farm_reading_default partition of farm_reading default;
revoke all on farm_reading_default from ${app_role};
alter table farm_reading_default enable row level security; -- no policy: nothing for another login than the owner

-- Creates the missing weekly partitions of [p_from, p_until) (at most 60 a call); rows of such a week waiting in the
-- default partition move into it. The number of partitions created.
create or replace function farm_reading_make_partitions(p_from timestamptz, p_until timestamptz) returns integer
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  week  timestamptz := date_trunc('week', p_from at time zone 'UTC') at time zone 'UTC';
  name  text;
  made  integer := 0;
  moved bigint;
begin
  set local lock_timeout = '10s';
  while week < p_until and made < 60 loop
    name := 'farm_reading_w' || to_char(week at time zone 'UTC', 'YYYYMMDD');
    if to_regclass(name) is null then
      -- The parent first (as an insert does), then the default partition: no deadlock with the telemetry.
      lock table farm_reading in access exclusive mode;
      create temp table if not exists farm_reading_moving (like farm_reading) on commit drop;
      with m as (delete from farm_reading_default where at >= week and at < week + interval '7 days' returning *)
      insert into farm_reading_moving select * from m;
      get diagnostics moved = row_count;
      execute format('create table %I partition of farm_reading for values from (%L) to (%L)', name, week, week + interval '7 days');
      execute format('revoke all on %I from ${app_role}', name);
      execute format('alter table %I enable row level security', name);
      if moved > 0 then
        insert into farm_reading select * from farm_reading_moving;
        truncate farm_reading_moving;
      end if;
      made := made + 1;
    end if;
    week := week + interval '7 days';
  end loop;
  return made;
end $$;

-- Drops the weekly partitions that end at or before p_before (the retention's edge): whole weeks, no row by row.
-- The names of the partitions dropped.
create or replace function farm_reading_drop_partitions(p_before timestamptz) returns setof text
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  part text;
begin
  set local lock_timeout = '10s';
  for part in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'farm_reading'::regclass and c.relname ~ '^farm_reading_w[0-9]{8}$'
      and (to_date(substr(c.relname, 15), 'YYYYMMDD')::timestamp at time zone 'UTC') + interval '7 days' <= p_before
    order by c.relname
  loop
    execute format('drop table %I', part);
    return next part;
  end loop;
end $$;

revoke all on function farm_reading_make_partitions(timestamptz, timestamptz) from public;
revoke all on function farm_reading_drop_partitions(timestamptz) from public;
grant execute on function farm_reading_make_partitions(timestamptz, timestamptz) to ${app_role};
grant execute on function farm_reading_drop_partitions(timestamptz) to ${app_role};

-- This week and the next three, then the rows kept so far (their weeks' partitions are made on the way in: the
-- existing weeks within the default retention, older rows wait in the default partition for the retention job).
select farm_reading_make_partitions(now(), now() + interval '28 days');
select farm_reading_make_partitions(w, w + interval '7 days')
from (select distinct date_trunc('week', at at time zone 'UTC') at time zone 'UTC' w from farm_reading_unpartitioned
      where at >= now() - interval '98 days' and at < now() + interval '28 days') weeks;
insert into farm_reading select * from farm_reading_unpartitioned;
drop table farm_reading_unpartitioned;
