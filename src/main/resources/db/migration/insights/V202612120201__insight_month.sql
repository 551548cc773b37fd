-- Per unit and calendar month: the sum of its daily counters (insight_fact), so that a province's ranking of its
-- communes over a year reads 12 rows per commune and metric instead of 365 (~90,000 rows for Ninh Bình; issue 15).
-- Facts.apply adds an event's deltas here in the same statement as to insight_fact, in the same transaction and
-- behind the same duplicate-event guard; Facts.check compares the rows with the modules' recount summed per month;
-- Facts.rebuild refills the months it touches from insight_fact. Facts.sumsByUnit reads the whole months of a period
-- here and the days of its partial first and last month from insight_fact.
create table insight_month (
  unit_code  varchar(20) not null,
  month      date not null check (extract(day from month) = 1),
  metric     text not null check (metric ~ '^[a-z_]+\.[a-z0-9_]+$'),
  value      bigint not null,
  primary key (unit_code, metric, month)
);

alter table insight_month enable row level security;
alter table insight_month force row level security;
create policy insight_month_unit on insight_month
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- Back-fill from the counters kept so far, as the owner in system-wide scope (local to this transaction).
select set_config('app.units', '*', true);
insert into insight_month (unit_code, month, metric, value)
select unit_code, date_trunc('month', day)::date, metric, sum(value) from insight_fact group by 1, 2, 3;
