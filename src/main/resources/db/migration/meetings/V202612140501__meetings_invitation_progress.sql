-- The Giấy mời's number once the documents module released it (the meeting shows it; the documents register keeps the
-- paper), and progress reports on tasks from meetings (a village head's notes from their phone before the task is done).

alter table meeting add column invitation_number text check (length(invitation_number) <= 60);

create table meeting_task_progress (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  task_id     bigint not null references meeting_task (id),
  note        text not null check (length(btrim(note)) between 3 and 1000),
  reported_by text not null,
  reported_at timestamptz not null default now()
);
create index meeting_task_progress_task_idx on meeting_task_progress (task_id, id);

alter table meeting_task_progress enable row level security;
alter table meeting_task_progress force row level security;
create policy meeting_task_progress_unit on meeting_task_progress using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- The secretary's own text in the minutes (what the record does not hold: other opinions, remarks), written before
-- anyone signs; and when the signed minutes were sent to the invitees.
alter table meeting_minutes add column notes text check (length(notes) <= 8000);
alter table meeting_minutes add column published_at timestamptz;

-- Speakers per agenda item: a member present asks to speak (WAITING), whoever runs the meeting gives the floor in
-- order (SPEAKING, with its time limit: the timer) and ends the turn with the opinion as recorded (DONE). One request
-- per member and item at a time; one speaker at a time in a meeting.
create table meeting_speaker (
  id             bigint generated always as identity primary key,
  unit_code      varchar(20) not null,
  meeting_id     bigint not null references meeting (id),
  item_id        bigint not null references meeting_item (id),
  username       text not null,
  full_name      text not null,
  status         text not null check (status in ('WAITING', 'SPEAKING', 'DONE')),
  limit_seconds  integer not null check (limit_seconds between 30 and 1800),
  requested_at   timestamptz not null,
  started_at     timestamptz,
  ended_at       timestamptz,
  opinion        text check (length(opinion) <= 4000)
);
create index meeting_speaker_meeting_idx on meeting_speaker (meeting_id, item_id, id);
create unique index meeting_speaker_queued_uq on meeting_speaker (item_id, username) where status in ('WAITING', 'SPEAKING');
create unique index meeting_speaker_one_uq on meeting_speaker (meeting_id) where status = 'SPEAKING';

alter table meeting_speaker enable row level security;
alter table meeting_speaker force row level security;
create policy meeting_speaker_unit on meeting_speaker using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
