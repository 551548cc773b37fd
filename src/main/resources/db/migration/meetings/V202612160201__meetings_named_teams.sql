-- Issue 19: named reusable teams ("Ban chỉ đạo chuyển đổi số", "Tổ công nghệ số thôn Đông"). A leader or the clerk
-- creates a team of the unit's officials and village heads, changes its members, archives it. A task given to a team
-- is one row (assignee 'team:<id>', assignee_name the team's name, named_team_id set): every member sees it in
-- "my tasks", any member reports progress (one line for the team, with who reported) or done.

create table meeting_team (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  name         text not null check (length(btrim(name)) between 3 and 200),
  created_by   text not null,
  created_at   timestamptz not null default now(),
  archived_at  timestamptz
);
-- one active team of a name per unit (a double submit of the form is one team as well)
create unique index meeting_team_name_uq on meeting_team (unit_code, lower(btrim(name))) where archived_at is null;

create table meeting_team_member (
  team_id    bigint not null references meeting_team (id),
  unit_code  varchar(20) not null,
  username   text not null,
  full_name  text not null,
  primary key (team_id, username)
);
create index meeting_team_member_username_idx on meeting_team_member (unit_code, username);

alter table meeting_team enable row level security;
alter table meeting_team force row level security;
create policy meeting_team_unit on meeting_team using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_team_member enable row level security;
alter table meeting_team_member force row level security;
create policy meeting_team_member_unit on meeting_team_member using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

alter table meeting_task add column named_team_id bigint references meeting_team (id);
create index meeting_task_named_team_idx on meeting_task (named_team_id) where named_team_id is not null;
alter table meeting_task_progress add column reported_by_name text check (length(reported_by_name) <= 200);
