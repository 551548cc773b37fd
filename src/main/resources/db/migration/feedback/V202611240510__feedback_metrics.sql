-- Counters for the indicators (insights). Reopening a report clears its rating and closing time and
-- moves its due date, so the first answer, close and rating are kept in columns written once; the
-- reopenings themselves are the 'reopened' entries of the timeline.
alter table feedback_report add column first_answered_at timestamptz;
alter table feedback_report add column first_answer_due  date;
alter table feedback_report add column first_closed_at   timestamptz;
alter table feedback_report add column first_rating      int check (first_rating between 1 and 5);
alter table feedback_report add column first_rated_at    timestamptz;

-- Reports stored before this migration: take the first answer, close and rating from the timeline.
-- The due date in force at the first answer is not kept for reports reopened since; the current one is used.
update feedback_report r set
  first_answered_at = coalesce((select min(e.at) from feedback_event e where e.report_id = r.id and e.kind = 'answered'), r.answered_at),
  first_closed_at   = coalesce((select min(e.at) from feedback_event e where e.report_id = r.id and e.kind = 'closed'), r.closed_at),
  first_rated_at    = coalesce((select min(e.at) from feedback_event e where e.report_id = r.id and e.kind = 'rated'), r.rated_at),
  first_rating      = coalesce((select split_part(e.text, '/', 1)::int from feedback_event e
                                where e.report_id = r.id and e.kind = 'rated' and e.text ~ '^[1-5]/5$' order by e.id limit 1), r.rating);
update feedback_report set first_answer_due = due_date where first_answered_at is not null;

-- Which counted facts of a report have been reported to the indicators, so each is reported exactly
-- once, in the transaction that made it true (a reopening is the fact 'feedback.reopened#<event id>').
create table feedback_metric (
  report_id  bigint not null references feedback_report (id),
  unit_code  text not null,
  fact       text not null,
  primary key (report_id, fact)
);
alter table feedback_metric enable row level security;
alter table feedback_metric force row level security;
create policy feedback_metric_unit on feedback_metric
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- Facts of reports stored before this migration are history: mark them reported, so touching an old
-- report later does not publish them; the indicators take history from a rebuild (Facts.rebuild).
insert into feedback_metric (report_id, unit_code, fact)
select id, unit_code, 'feedback.received' from feedback_report
union all select id, unit_code, 'feedback.answered' from feedback_report where first_answered_at is not null
union all select id, unit_code, 'feedback.answered_on_time' from feedback_report
  where first_answered_at is not null and (first_answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= first_answer_due
union all select id, unit_code, 'feedback.answer_days_total' from feedback_report where first_answered_at is not null
union all select id, unit_code, 'feedback.closed' from feedback_report where first_closed_at is not null
union all select id, unit_code, 'feedback.rated' from feedback_report where first_rated_at is not null
union all select id, unit_code, 'feedback.rated_satisfied' from feedback_report where first_rating >= 4
union all select report_id, unit_code, 'feedback.reopened#' || id from feedback_event where kind = 'reopened';
