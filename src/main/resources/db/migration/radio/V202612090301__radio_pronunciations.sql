-- A commune's own pronunciation list (issue 21): how a written word is read on its loudspeakers, e.g.
-- "CNSCĐ" → "công nghệ số cộng đồng", a village's or an official's name. Applied to a bulletin's text before
-- the national normalisation (numbers, dates, radio/abbreviations.tsv). Edited by the commune's radio
-- administrator; case-sensitive whole words.
create table radio_pronunciation (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  written     text not null check (length(btrim(written)) between 1 and 50),
  spoken      text not null check (length(btrim(spoken)) between 1 and 200),
  updated_by  text not null,
  updated_at  timestamptz not null default now(),
  unique (unit_code, written)
);

alter table radio_pronunciation enable row level security;
alter table radio_pronunciation force row level security;
create policy radio_pronunciation_unit on radio_pronunciation using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
