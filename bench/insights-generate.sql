-- Synthetic NATIONAL data for the insights benchmark (bench/insights.sh), run as the database owner
-- (postgres) on the app's embedded database after the app imported the real units (admin_unit).
-- :scale = 1 gives 10,000,000 dossiers, 1,000,000 documents and 200,000 feedback reports spread over
-- every commune (3,321) and two years (730 days ending :last_day; dossiers and documents arrive in the
-- first 718 so their results, at most 12 days later, are not in the future), set-based (generate_series).
-- Then insight_fact is rebuilt for every dossier and document metric with one INSERT … SELECT …
-- GROUP BY per date column over the generated rows, dated exactly as DossierMetrics.recount and
-- DocumentMetrics.recount date them (Vietnam-local date of the timestamp, or the date column), so
-- the counters equal a recount, and insight_rollup (per province and nation, day and metric) is
-- refilled from them. Feedback reports are data only (their counters are not generated).
--
-- Bulk-load shortcuts (the schema ends up exactly as the migrations made it):
--   * session_replication_role = replica: foreign-key triggers are skipped (the referenced citizen
--     and feedback category exist); CHECK constraints still apply;
--   * the secondary indexes of dossier, document, feedback_report and insight_fact are dropped
--     before the inserts and recreated from their saved definitions afterwards.
\set ON_ERROR_STOP 1
\timing on
select (:scale * 10000000)::bigint as n_dossiers, (:scale * 1000000)::bigint as n_documents,
       (:scale * 200000)::bigint as n_feedback, (:'last_day')::date - 729 as first_day \gset
select min(id) as citizen from citizen \gset
set session_replication_role = replica;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';
set max_parallel_maintenance_workers = 1;

create temporary table bench_units as
  select code, (row_number() over (order by code) - 1)::int as i from admin_unit where level = 'commune';
select count(*) as n_units from bench_units \gset

-- Save and drop the secondary indexes (not primary keys or unique constraints).
create temporary table bench_indexes as
  select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
  from pg_index i
  where i.indrelid in ('dossier'::regclass, 'document'::regclass, 'feedback_report'::regclass, 'insight_fact'::regclass)
    and not i.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
select format('drop index %s', name) from bench_indexes \gexec

-- ---------------------------------------------------------------- dossiers
-- Unit: uneven (some communes busier: ×1 to ×3) by mixing g; day: spread over the 730 days;
-- hour 7:00–21:59 local, so late submissions are still the same Vietnam date.
-- States: 70 % resolved (result_at 0–9 days later; due in 5 days → ~40 % of those late),
-- of which 60 % with a signed electronic result, 25 % rated; 20 % paid (70 % online).
insert into dossier (unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template, channel,
                     citizen_id, applicant_name, form, state, version, created_at, submitted_at, received_at, due_date,
                     result_at, result_pdf, result_signed_by, fee_vnd, paid_at, paid_online, rating, rated_at, digitised)
select u.code,
       'BENCH-' || g,
       case g % 3 when 0 then '1.001193' when 1 then '1.000894' else '2.000815' end, 0, 'Thủ tục ' || (g % 3),
       'standard', 'confirmation',
       case when g % 4 = 0 then 'COUNTER' else 'ONLINE' end,
       case when g % 4 = 0 then null else :citizen end,
       'Nguyễn Văn ' || (g % 9973), '{}'::jsonb,
       case when resolved then 'returned' else 'processing' end, 1, t.sub, t.sub, t.sub, t.day + 5,
       t.res,
       case when resolved and g % 5 < 3 then '\x255044462d'::bytea end,
       case when resolved and g % 5 < 3 then 'bench.chutich' end,
       case when g % 5 = 0 then 50000 else 0 end,
       case when g % 5 = 0 then t.sub + interval '1 hour' end, g % 5 = 0 and g % 10 <> 5 and g % 7 <> 0,
       case when resolved and g % 4 = 1 then 1 + (g * 7) % 5 end,
       case when resolved and g % 4 = 1 then t.res + interval '1 day' end,
       g % 4 = 0 and g % 8 <> 0
from generate_series(1, :n_dossiers) g
cross join lateral (select g % 10 < 7 as resolved,
                           (abs(hashint8(g)) % (:n_units * 2))::int as slot) r
join bench_units u on u.i = case when r.slot < :n_units then r.slot else (r.slot - :n_units) % greatest(1, :n_units / 3) end
cross join lateral (select :'first_day'::date + (abs(hashint8(g + 1)) % 718)::int as day) d
cross join lateral (select ((d.day + time '07:00' + (g % 900) * interval '1 minute') at time zone 'Asia/Ho_Chi_Minh') as sub) s
cross join lateral (select s.sub as sub, d.day as day,
                           case when r.resolved then s.sub + ((g / 10) % 10) * interval '1 day' end as res) t;

-- ---------------------------------------------------------------- documents
-- 60 % outgoing released (signed PDF), 40 % incoming (half done, some late, 10 % electronic from
-- another commune). Numbers consecutive per (unit, direction, year).
insert into document (unit_code, direction, type, status, summary, register_year, number, number_symbol, issued_on, released_at,
                      issuer, received_on, deadline, done_at, source_document_id, pdf, created_by, created_at)
select u.code, x.direction, 'CONG_VAN', x.status, 'Văn bản thử tải ' || g,
       extract(year from d.day)::int,
       100000 + row_number() over (partition by u.code, x.direction, extract(year from d.day) order by g), -- above demo numbers
       case when x.direction = 'out' then g || '/UBND' end,
       case when x.direction = 'out' then d.day end,
       case when x.direction = 'out' then (d.day + time '15:00') at time zone 'Asia/Ho_Chi_Minh' end,
       case when x.direction = 'in' then 'UBND tỉnh' else '' end,
       case when x.direction = 'in' then d.day end,
       case when x.direction = 'in' then d.day + 7 end,
       case when x.status = 'done' then (d.day + (g % 12) + time '16:30') at time zone 'Asia/Ho_Chi_Minh' end,
       case when x.direction = 'in' and g % 10 = 3 then g end,
       case when x.direction = 'out' then '\x255044462d'::bytea end,
       'bench', (d.day + time '08:00') at time zone 'Asia/Ho_Chi_Minh'
from generate_series(1, :n_documents) g
join bench_units u on u.i = (abs(hashint8(g + 7)) % :n_units)::int
cross join lateral (select :'first_day'::date + (abs(hashint8(g + 8)) % 718)::int as day) d
cross join lateral (select case when g % 5 < 3 then 'out' else 'in' end as direction,
                           case when g % 5 < 3 then 'released' when g % 5 = 3 then 'done' else 'registered' end as status) x;

-- ---------------------------------------------------------------- feedback reports
insert into feedback_category (unit_code, code, name, sla_days)
  values ('37', 'BENCH', 'Phản ánh thử tải', 5) on conflict (unit_code, code) do nothing;
select id as category from feedback_category where unit_code = '37' and code = 'BENCH' \gset
insert into feedback_report (unit_code, code, token, category_id, description, status, due_date, answer, answered_at, rating, rated_at,
                             created_at, updated_at)
select u.code, 'BENCH-' || g, md5('bench' || g), :category, 'Phản ánh thử tải số ' || g,
       case g % 4 when 0 then 'new' when 1 then 'in_progress' else 'answered' end, d.day + 5,
       case when g % 4 >= 2 then 'Đã xử lý' end,
       case when g % 4 >= 2 then (d.day + 3 + time '10:00') at time zone 'Asia/Ho_Chi_Minh' end,
       case when g % 8 = 2 then 1 + g % 5 end,
       case when g % 8 = 2 then (d.day + 4 + time '10:00') at time zone 'Asia/Ho_Chi_Minh' end,
       (d.day + time '09:00') at time zone 'Asia/Ho_Chi_Minh', (d.day + time '09:00') at time zone 'Asia/Ho_Chi_Minh'
from generate_series(1, :n_feedback) g
join bench_units u on u.i = (abs(hashint8(g + 11)) % :n_units)::int
cross join lateral (select :'first_day'::date + (abs(hashint8(g + 12)) % 730)::int as day) d;

-- ---------------------------------------------------------------- insight_fact = recount
-- Every dossier and document metric, for all days, replaced by a recount of the tables
-- (the generated rows and the demo rows), dated as DossierMetrics.recount / DocumentMetrics.recount.
-- One GROUP BY (unit, date) per date column with count(*) FILTER per metric (a few million groups each,
-- in memory with work_mem 1GB), unpivoted, zero counts left out, written in primary-key order; the
-- primary key is dropped for the insert and added back once — the earlier single GROUP BY over ten
-- lateral rows per dossier spilled ~2 GB and took 11 minutes of the 23.
delete from insight_fact where metric like 'dossiers.%' or metric like 'documents.%';
set work_mem = '1GB';
select conname as fact_pk, pg_get_constraintdef(oid) as fact_pk_def from pg_constraint
  where conrelid = 'insight_fact'::regclass and contype = 'p' \gset
alter table insight_fact drop constraint :"fact_pk";
create temporary view bench_dossier_days as
  select unit_code, channel, digitised, due_date, rating,
         result_pdf is not null and result_signed_by is not null as e_result, paid_online,
         (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date as submitted,
         (result_at at time zone 'Asia/Ho_Chi_Minh')::date as resolved,
         (paid_at at time zone 'Asia/Ho_Chi_Minh')::date as paid,
         (rated_at at time zone 'Asia/Ho_Chi_Minh')::date as rated
  from dossier where state <> 'draft';
insert into insight_fact (unit_code, day, metric, value)
select * from (
select unit_code, day, m.metric, m.value
from (select unit_code, submitted as day, count(*) as n, count(*) filter (where channel <> 'COUNTER') as online,
             count(*) filter (where digitised) as digitised
      from bench_dossier_days where submitted is not null group by 1, 2) g
cross join lateral (values ('dossiers.submitted', g.n), ('dossiers.submitted_online', g.online), ('dossiers.digitised', g.digitised)) m(metric, value)
where m.value > 0
union all
select unit_code, day, m.metric, m.value
from (select unit_code, resolved as day, count(*) as n, count(*) filter (where due_date is null or resolved <= due_date) as on_time,
             count(*) filter (where e_result) as e_result
      from bench_dossier_days where resolved is not null group by 1, 2) g
cross join lateral (values ('dossiers.resolved', g.n), ('dossiers.resolved_on_time', g.on_time), ('dossiers.result_electronic', g.e_result)) m(metric, value)
where m.value > 0
union all
select unit_code, day, m.metric, m.value
from (select unit_code, paid as day, count(*) as n, count(*) filter (where paid_online) as online
      from bench_dossier_days where paid is not null group by 1, 2) g
cross join lateral (values ('dossiers.paid', g.n), ('dossiers.paid_online', g.online)) m(metric, value)
where m.value > 0
union all
select unit_code, day, m.metric, m.value
from (select unit_code, rated as day, count(*) as n, count(*) filter (where rating >= 4) as satisfied
      from bench_dossier_days where rated is not null group by 1, 2) g
cross join lateral (values ('dossiers.rated', g.n), ('dossiers.rated_satisfied', g.satisfied)) m(metric, value)
where m.value > 0
union all
select unit_code, day, m.metric, m.value
from (select unit_code, received_on as day, count(*) filter (where direction = 'in') as registered,
             count(*) filter (where direction = 'in' and source_document_id is not null) as electronic
      from document where received_on is not null group by 1, 2) g
cross join lateral (values ('documents.incoming_registered', g.registered), ('documents.incoming_electronic', g.electronic)) m(metric, value)
where m.value > 0
union all
select unit_code, day, m.metric, m.value
from (select unit_code, issued_on as day, count(*) filter (where direction = 'out' and status = 'released') as released,
             count(*) filter (where direction = 'out' and status = 'released' and pdf is not null) as signed
      from document where issued_on is not null group by 1, 2) g
cross join lateral (values ('documents.outgoing_released', g.released), ('documents.outgoing_signed', g.signed)) m(metric, value)
where m.value > 0
union all
select unit_code, day, m.metric, m.value
from (select unit_code, (done_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
             count(*) filter (where direction = 'in' and status = 'done') as done,
             count(*) filter (where direction = 'in' and status = 'done'
                                and (deadline is null or (done_at at time zone 'Asia/Ho_Chi_Minh')::date <= deadline)) as on_time
      from document where done_at is not null group by 1, 2) g
cross join lateral (values ('documents.incoming_done', g.done), ('documents.incoming_done_on_time', g.on_time)) m(metric, value)
where m.value > 0
) facts
order by 1, 3, 2; -- primary-key order, as the old generator wrote them: a unit's days of a metric together
alter table insight_fact add constraint :"fact_pk" :fact_pk_def;

-- ---------------------------------------------------------------- insight_rollup = Σ insight_fact
-- The province and nation roll-ups, filled by the same function the back-fill migration calls
-- (V202612110601), with the unit tree from admin_unit.
select insight_rollup_refill(min(day), max(day),
         (select array_agg(code order by code) from admin_unit where level = 'commune'),
         (select array_agg(province_code order by code) from admin_unit where level = 'commune'))
  as rollup_rows from insight_fact;

-- ---------------------------------------------------------------- insight_month = Σ insight_fact per month
-- The monthly sums a province's ranking of its communes reads (as the back-fill migration V202612120201 fills them).
delete from insight_month;
insert into insight_month (unit_code, month, metric, value)
select unit_code, date_trunc('month', day)::date, metric, sum(value) from insight_fact group by 1, 2, 3;

-- ---------------------------------------------------------------- indexes back, statistics
select def from bench_indexes \gexec
set session_replication_role = origin;
vacuum analyze dossier;
vacuum analyze document;
vacuum analyze feedback_report;
vacuum analyze insight_fact;
vacuum analyze insight_rollup;
vacuum analyze insight_month;
