-- pgbench replay of the SQL one counter submission sends (bench/dossiers-submit.sh, issue 15 goal 2), as the
-- application role (row-level security applies), with the values of bench/dossiers-submit.sh's request body.
-- Keep it in step with the code: internal.NumberTable.insert (the numbering statement), audit.AuditLog.recordAll
-- (two statements for the two entries), the Spring Modulith publication of the MetricEvent, and the counters'
-- transaction insights.internal.Facts.apply with the publication's completion. SubmissionStatementsTests lists the
-- submission's statements. The audit hashes here are stand-ins (the chain of this throw-away database is not valid).
-- Run with -M prepared: the \gset variables go in as parameters. The event's "at" is written as Jackson writes an
-- Instant (ISO-8601, UTC, "Z"): a publication left incomplete is read back by the application's redelivery, and
-- now()::text ("2026-12-07 15:30:43.123456+00") cannot be read as an Instant (MetricEventSerializationTests). The
-- colons come from chr(58): pgbench would take ":MI" in a literal for a variable.
begin;
select set_config('app.units', '14701', true);
insert into event_publication (id, event_type, listener_id, publication_date, serialized_event)
  values (gen_random_uuid(), 'vn.xaso.platform.metrics.MetricEvent',
          'vn.xaso.insights.internal.MetricEventListener.on(vn.xaso.platform.metrics.MetricEvent)', now(),
          '{"id":"' || gen_random_uuid() || '","unitCode":"14701","day":"' || current_date || '","deltas":{"dossiers.submitted":1,"dossiers.digitised":1},"at":"' || translate(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24"h"MI"h"SS.US"Z"'), 'h', chr(58)) || '"}')
  returning id as pub_id \gset
with n as (
  insert into dossier_sequence (unit_code, day, last_number) values ('14701', (now() at time zone 'Asia/Ho_Chi_Minh')::date, 1)
  on conflict (unit_code, day) do update set last_number = dossier_sequence.last_number + 1
  where dossier_sequence.last_number < 99999
  returning last_number),
c as (
  select coalesce((select agency_code from dossier_agency where unit_code = '14701'), 'X14701') || '-'
         || to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-'
         || case when n.last_number < 10000 then lpad(n.last_number::text, 4, '0') else n.last_number::text end as code
  from n),
d as (
  insert into dossier (unit_code, code, procedure_code, procedure_version_id, procedure_name, workflow, result_template,
                       channel, citizen_id, submitted_by_citizen, applicant_name, applicant_cccd, applicant_phone,
                       applicant_email, applicant_address, assisted_by, consent_by, consent_method, consent_at,
                       consent_reference, form, state, version, submitted_at, received_at, due_date, assignee,
                       assignee_name, digitised, fee_vnd)
  select '14701', c.code, '1.001193', 1, 'Thủ tục đăng ký khai sinh', 'standard', 'birth-extract', 'COUNTER', null::bigint,
         null::bigint, 'Trần Thị Hoa', '037190001234', '0988000001', '', 'Thôn Bình Hải, xã Yên Mô', null::text, null::text,
         null::text, null::timestamptz, null::text,
         '{"childBirthDate":"2026-11-10","childBirthPlace":"Trạm y tế xã Yên Mô","childEthnicity":"Kinh","childName":"Phạm Minh An","childNationality":"Việt Nam","childSex":"Nam","motherName":"Trần Thị Hoa","pledge":"true","requesterName":"Trần Thị Hoa","requesterRelation":"Mẹ"}'::jsonb,
         'received', 2, now(), now(), current_date + 1, null::text, null::text, true, 0
  from c
  returning id, code),
f as (
  insert into dossier_file (unit_code, dossier_id, name, content_type, size, sha256, content, paper_code, digitised,
                            is_result, added_by)
  select '14701', d.id, x.name, x.content_type, length(x.content), x.sha256, x.content, x.paper_code, true, false, 'yenmo.motcua'
  from d, unnest(array['to-khai.pdf', 'giay-chung-sinh.pdf'], array['application/pdf', 'application/pdf'],
                 array[decode(repeat('25', 300), 'hex'), decode(repeat('25', 300), 'hex')], array[md5('a'), md5('b')], array['', ''])
       with ordinality as x(name, content_type, content, sha256, paper_code, i)
  order by x.i),
e as (
  insert into dossier_event (unit_code, dossier_id, actor, actor_name, action, from_state, to_state, note)
  select '14701', d.id, 'yenmo.motcua', 'Nguyễn Thị Lan', x.action, x.from_state, x.to_state, x.note
  from d, unnest(array['submit', 'receive'], array[null, 'submitted'], array['submitted', 'received'], array['', 'Hẹn trả kết quả ngày 08/12/2026'])
       with ordinality as x(action, from_state, to_state, note, i)
  order by x.i),
m as (
  insert into dossier_metric (dossier_id, unit_code, fact) select d.id, '14701', x.fact from d, unnest(array['dossiers.submitted', 'dossiers.digitised']) as x(fact))
select d.id as dossier_id, d.code as dossier_code from d \gset
insert into audit_chain_head (unit_code, seq, hash) values ('14701', 0, repeat('0', 64))
  on conflict (unit_code) do update set seq = audit_chain_head.seq
  returning seq as head_seq, hash as head_hash \gset
with e as (
  insert into audit_entry (unit_code, seq, at, actor, action, object_type, object_id, before_summary, after_summary, prev_hash, hash)
  select '14701', x.seq, now(), x.actor, x.action, x.object_type, x.object_id, x.before_summary, x.after_summary, x.prev_hash, x.hash
  from unnest(array[:head_seq::bigint + 1, :head_seq::bigint + 2], array['yenmo.motcua', 'yenmo.motcua'],
              array['dossier.submitted', 'dossier.received'], array['dossier', 'dossier'], array[:dossier_id::text, :dossier_id::text],
              array[null, 'submitted'], array[:dossier_code::text || ' 1.001193 COUNTER', 'received hẹn 2026-12-08'],
              array[:head_hash::text, md5(:dossier_code::text)], array[md5(:dossier_code::text), md5(:dossier_code::text || 'r')])
       as x(seq, actor, action, object_type, object_id, before_summary, after_summary, prev_hash, hash)
  order by x.seq
  returning id, seq),
h as (update audit_chain_head set seq = :head_seq::bigint + 2, hash = md5(:dossier_code::text || 'r') where unit_code = '14701')
select id from e order by seq;
commit;
-- after the commit: the counters' own transaction (MetricEventListener → Facts.apply), then the publication completed
begin;
select set_config('app.units', '14701,37,VN', true);
insert into insight_applied_event (event_id, unit_code) values (gen_random_uuid(), '14701') on conflict do nothing;
insert into insight_fact (unit_code, day, metric, value)
  select '14701'::varchar, (now() at time zone 'Asia/Ho_Chi_Minh')::date, d.metric, d.value
  from unnest(array['dossiers.digitised', 'dossiers.submitted']::text[], array[1, 1]::bigint[]) with ordinality as d(metric, value, i) order by d.i
  on conflict (unit_code, metric, day) do update set value = insight_fact.value + excluded.value;
insert into insight_rollup (unit_code, day, metric, value)
  select u.code, (now() at time zone 'Asia/Ho_Chi_Minh')::date, d.metric, d.value
  from unnest(array['37', 'VN']::text[]) with ordinality as u(code, i)
  cross join unnest(array['dossiers.digitised', 'dossiers.submitted']::text[], array[1, 1]::bigint[]) with ordinality as d(metric, value, j)
  order by u.i, d.j
  on conflict (unit_code, metric, day) do update set value = insight_rollup.value + excluded.value;
commit;
update event_publication set completion_date = now() where id = :pub_id::uuid;
