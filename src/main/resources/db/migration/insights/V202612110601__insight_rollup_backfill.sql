-- Back-fills insight_rollup from the counters kept so far (every day that has any). The unit tree is
-- read from admin_unit here, once, because a migration runs before the application (and its units
-- API) is up; at run time the roll-ups follow the tree the units module keeps in memory. Runs as the
-- owner in system-wide scope (the setting is local to this migration's transaction), so row-level
-- security sees every row also when the owner is not a superuser.
select set_config('app.units', '*', true);
select insight_rollup_refill(min(f.day), max(f.day),
         (select coalesce(array_agg(u.code order by u.code), '{}') from admin_unit u where u.level = 'commune'),
         (select coalesce(array_agg(u.province_code order by u.code), '{}') from admin_unit u where u.level = 'commune'))
from insight_fact f;
