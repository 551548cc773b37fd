-- Issue 18: the hourly roll-up of readings, kept longer than the readings themselves (xaso.farm.hourly.retention-days,
-- default 730, against 90 for readings): per device, key and hour, how many readings and their least, greatest and
-- sum (the mean is sum / n). Moved forward in the same statement run as each reading stored (a repeated reading, one
-- already stored, does not count twice).
create table farm_hourly (
  unit_code  varchar(20) not null,
  device_id  bigint not null references farm_device (id),
  key        text not null,
  hour       timestamptz not null,
  n          integer not null check (n > 0),
  least_value     double precision not null,
  greatest_value  double precision not null,
  sum_value       double precision not null,
  primary key (device_id, key, hour)
);
create index farm_hourly_hour_idx on farm_hourly (hour);

-- Readings already stored before the roll-up existed (every commune: row-level security is forced on the tables).
select set_config('app.units', '*', true);
insert into farm_hourly (unit_code, device_id, key, hour, n, least_value, greatest_value, sum_value)
select unit_code, device_id, key, date_trunc('hour', at), count(*), min(value), max(value), sum(value)
from farm_reading group by 1, 2, 3, 4;

alter table farm_hourly enable row level security;
alter table farm_hourly force row level security;
create policy farm_hourly_unit on farm_hourly using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
