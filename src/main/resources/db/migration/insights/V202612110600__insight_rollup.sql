-- Roll-ups of the daily counters (issue 15): one row per province and day and metric, and one per
-- day and metric for the whole country (unit_code 'VN'), so that the national dashboard reads a few
-- thousand rows instead of millions. Facts.apply adds an event's deltas to the commune's insight_fact
-- rows and then to its province's and the nation's rows here, in the same transaction and behind the
-- same duplicate-event guard (insight_applied_event). A province row sums its communes' counters
-- only; the nation row sums every unit's counters (as the national figures always did). Facts.check
-- compares them with the modules' recount; Facts.rebuild refills them with insight_rollup_refill.
create table insight_rollup (
  unit_code  varchar(20) not null,             -- a province code, or 'VN' for the nation
  day        date not null,
  metric     text not null check (metric ~ '^[a-z_]+\.[a-z0-9_]+$'),
  value      bigint not null,
  primary key (unit_code, metric, day)
);

-- The same rule as every insights table: a caller sees and writes the rows of the units in its scope
-- ('VN' only in system-wide scope). Facts.apply widens the scope of its own transaction to the
-- event's province and 'VN', the rows it adds to.
alter table insight_rollup enable row level security;
alter table insight_rollup force row level security;
create policy insight_rollup_unit on insight_rollup
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- Replaces the roll-ups of [p_from, p_to] by sums of insight_fact: per province over its communes
-- (p_communes[i] belongs to p_provinces[i]; the caller passes the unit tree) and for 'VN' over every
-- unit. Both tables are locked against concurrent Facts.apply for the time of the refill (share row
-- exclusive, fact before roll-up, the order apply takes them in). Runs with the caller's rights, so
-- row-level security applies: call it in system-wide scope (app.units = '*').
create function insight_rollup_refill(p_from date, p_to date, p_communes text[], p_provinces text[])
  returns bigint language plpgsql as
$$
declare
  n bigint;
begin
  lock table insight_fact, insight_rollup in share row exclusive mode;
  delete from insight_rollup where day between p_from and p_to;
  insert into insight_rollup (unit_code, day, metric, value)
  select m.province, f.day, f.metric, sum(f.value)
  from insight_fact f join unnest(p_communes, p_provinces) as m(commune, province) on m.commune = f.unit_code
  where f.day between p_from and p_to
  group by 1, 2, 3
  union all
  select 'VN', f.day, f.metric, sum(f.value)
  from insight_fact f
  where f.day between p_from and p_to
  group by 2, 3;
  get diagnostics n = row_count;
  return n;
end
$$;
