-- Monthly indicator reports (PDF), generated on the 1st for the month before, per commune and province.
create table insight_report (
  unit_code   varchar(20) not null,
  month       date not null check (extract(day from month) = 1),
  pdf         bytea not null,
  created_at  timestamptz not null default now(),
  primary key (unit_code, month)
);
alter table insight_report enable row level security;
alter table insight_report force row level security;
create policy insight_report_unit on insight_report
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
