-- Government-announced swaps of working days and days off (nghỉ bù / làm bù, extra days off).
-- National rules: no unit code, no row-level security. One adjustment per date; it overrides the
-- Điều 112 rules computed in code for that date.
create table calendar_adjustment (
  id          bigint generated always as identity primary key,
  year        int  not null check (year between 1900 and 2199),
  date        date not null unique,
  kind        text not null check (kind in ('day_off', 'working_day')),
  note_vi     text not null check (length(btrim(note_vi)) between 1 and 300),
  created_at  timestamptz not null default now(),
  created_by  text not null,
  constraint calendar_adjustment_year_matches_date check (year = extract(year from date))
);
create index calendar_adjustment_year_idx on calendar_adjustment (year);
