-- 1,000,000 dossiers spread over the communes of a province (default Ninh Bình, 37) with realistic states and
-- due dates around today, for the officer-queue benchmark. Run as the database superuser. :n = how many.
\set n_default 1000000
select coalesce(nullif(:'n', ''), :'n_default')::int as n \gset
select min(id) as citizen from citizen \gset
create temporary table bench_units as
  select code, row_number() over (order by code) - 1 as i from admin_unit where parent_code = '37' and level = 'commune';
select count(*) as units from bench_units \gset
insert into dossier (unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template, channel,
                     citizen_id, applicant_name, applicant_cccd, applicant_phone, applicant_address, form, state, version, submitted_at,
                     received_at, due_date, assignee, assignee_name, result_at)
select u.code,
       'B' || u.code || '-' || to_char(d.day, 'YYMMDD') || '-' || lpad((g % 100000)::text, 5, '0') || '-' || g,
       case g % 3 when 0 then '1.001193' when 1 then '1.000894' else '2.000815' end, 0, 'Thủ tục ' || (g % 3),
       case g % 3 when 1 then 'standard' else 'same-day' end, 'confirmation',
       case g % 4 when 0 then 'COUNTER' else 'ONLINE' end, case g % 4 when 0 then null else :citizen end,
       'Nguyễn Văn ' || (g % 9973), '037090' || lpad((g % 1000000)::text, 6, '0'), '09880' || lpad((g % 100000)::text, 5, '0'),
       'Thôn ' || (g % 20), '{}'::jsonb,
       s.state, 1, d.day::timestamptz + interval '9 hours', d.day::timestamptz + interval '10 hours',
       d.day + (g % 7)::int,
       case when s.state in ('processing', 'awaiting_approval') then 'specialist' || (g % 3) end,
       case when s.state in ('processing', 'awaiting_approval') then 'Chuyên viên ' || (g % 3) end,
       case when s.state in ('approved', 'result_ready', 'returned') then d.day::timestamptz + interval '3 days' end
from generate_series(1, :n) g
join bench_units u on u.i = g % :units
cross join lateral (select (current_date - (g % 365))::date as day) d
cross join lateral (select (array['submitted', 'received', 'processing', 'awaiting_approval', 'returned', 'returned', 'returned',
                                  'returned', 'result_ready', 'supplement_requested'])[1 + g % 10] as state) s;
analyze dossier;
