-- Paperless meetings (phòng họp không giấy): meetings of the commune with their remote rooms (village cultural
-- houses with a video link XaSo stores and shows), invitees (officials of the unit) with their replies and
-- attendance, agenda items with PDFs, votes with one ballot per member, minutes, and tasks from conclusions.
-- Every row carries its unit; row-level security as everywhere (xaso_unit_visible).

create table meeting (
  id                      bigint generated always as identity primary key,
  unit_code               varchar(20) not null,
  kind                    text not null check (kind in ('COMMITTEE', 'COUNCIL', 'PARTY', 'VILLAGE')),
  title                   text not null check (length(btrim(title)) between 3 and 300),
  starts_at               timestamptz not null,
  place                   text not null check (length(btrim(place)) between 2 and 300),
  chair                   text not null,
  chair_name              text not null,
  secretary               text not null,
  secretary_name          text not null,
  status                  text not null check (status in ('DRAFT', 'INVITED', 'OPEN', 'CLOSED')),
  invitation_document_id  bigint,
  created_by              text not null,
  created_at              timestamptz not null default now(),
  invited_at              timestamptz,
  opened_at               timestamptz,
  closed_at               timestamptz,
  constraint meeting_chair_not_secretary check (chair <> secretary)
);
create index meeting_unit_idx on meeting (unit_code, starts_at desc);

-- A remote room: a village cultural house (or any place) joined by a video link.
create table meeting_room (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  meeting_id  bigint not null references meeting (id),
  name        text not null check (length(btrim(name)) between 2 and 150),
  video_url   text not null check (video_url ~ '^https?://' and length(video_url) <= 500)
);
create unique index meeting_room_name_uq on meeting_room (meeting_id, xaso_fold(name));

-- An invitee: an official of the unit. checkin_token: the personal check-in link (QR) of this meeting.
create table meeting_invitee (
  unit_code      varchar(20) not null,
  meeting_id     bigint not null references meeting (id),
  username       text not null,
  full_name      text not null,
  reply          text not null default 'NONE' check (reply in ('NONE', 'ATTEND', 'ABSENT')),
  absent_reason  text check (length(absent_reason) <= 300),
  replied_at     timestamptz,
  checkin_token  text not null unique,
  present        boolean not null default false,
  checked_in_at  timestamptz,
  checked_in_by  text,
  primary key (meeting_id, username)
);

create table meeting_item (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  meeting_id  bigint not null references meeting (id),
  position    integer not null,
  title       text not null check (length(btrim(title)) between 3 and 300),
  presenter   text not null check (length(btrim(presenter)) between 2 and 100),
  conclusion  text check (length(conclusion) <= 4000),
  unique (meeting_id, position)
);

-- A PDF of an agenda item, checked by content when it was added.
create table meeting_item_file (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  item_id     bigint not null references meeting_item (id),
  title       text not null check (length(btrim(title)) between 1 and 200),
  pages       integer not null check (pages > 0),
  content     bytea not null,
  added_by    text not null,
  added_at    timestamptz not null default now()
);
create index meeting_item_file_item_idx on meeting_item_file (item_id, id);

-- A vote on an item. The result and the counts are written once, when it closes, and never change.
-- members: the invitees when it opened; present: those checked in when it closed.
create table meeting_vote (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  meeting_id  bigint not null references meeting (id),
  item_id     bigint not null references meeting_item (id),
  question    text not null check (length(btrim(question)) between 3 and 300),
  secret      boolean not null,
  rule        text not null check (rule in ('SIMPLE', 'TWO_THIRDS')),
  options     text[] not null check (cardinality(options) between 2 and 6),
  members     integer not null check (members > 0),
  status      text not null check (status in ('OPEN', 'CLOSED')),
  present     integer,
  counts      integer[],
  result      text check (result in ('PASSED', 'FAILED', 'NO_QUORUM')),
  opened_by   text not null,
  opened_at   timestamptz not null default now(),
  closed_by   text,
  closed_at   timestamptz,
  constraint meeting_vote_closed_whole check ((status = 'OPEN') = (result is null and counts is null and closed_at is null))
);
create index meeting_vote_meeting_idx on meeting_vote (meeting_id, id);

-- Who voted (one row per member and vote: the second ballot of a member is refused by the key).
create table meeting_voter (
  unit_code  varchar(20) not null,
  vote_id    bigint not null references meeting_vote (id),
  username   text not null,
  voted_at   timestamptz not null default now(),
  primary key (vote_id, username)
);

-- The ballots: for a secret vote without the voter.
create table meeting_ballot (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  vote_id     bigint not null references meeting_vote (id),
  choice      integer not null check (choice between 0 and 5),
  username    text
);
create index meeting_ballot_vote_idx on meeting_ballot (vote_id);

-- The minutes: drafted from the record as a PDF, then signed by the chair and the secretary (each an incremental
-- signature of the same file).
create table meeting_minutes (
  meeting_id           bigint primary key references meeting (id),
  unit_code            varchar(20) not null,
  pdf                  bytea not null,
  drafted_by           text not null,
  drafted_at           timestamptz not null default now(),
  chair_signed_at      timestamptz,
  secretary_signed_at  timestamptz
);

-- A task from a meeting's conclusion to an official (or a village head).
create table meeting_task (
  id             bigint generated always as identity primary key,
  unit_code      varchar(20) not null,
  meeting_id     bigint not null references meeting (id),
  item_id        bigint not null references meeting_item (id),
  assignee       text not null,
  assignee_name  text not null,
  text           text not null check (length(btrim(text)) between 3 and 1000),
  deadline       date not null,
  status         text not null check (status in ('OPEN', 'DONE')),
  done_note      text check (length(done_note) <= 1000),
  done_at        timestamptz,
  created_by     text not null,
  created_at     timestamptz not null default now()
);
create index meeting_task_assignee_idx on meeting_task (unit_code, assignee, status, deadline);

-- Ballots and voters are appended, never changed.
revoke update, delete, truncate on meeting_voter from ${app_role};
revoke update, delete, truncate on meeting_ballot from ${app_role};

alter table meeting enable row level security;
alter table meeting force row level security;
create policy meeting_unit on meeting using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_room enable row level security;
alter table meeting_room force row level security;
create policy meeting_room_unit on meeting_room using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_invitee enable row level security;
alter table meeting_invitee force row level security;
create policy meeting_invitee_unit on meeting_invitee using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_item enable row level security;
alter table meeting_item force row level security;
create policy meeting_item_unit on meeting_item using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_item_file enable row level security;
alter table meeting_item_file force row level security;
create policy meeting_item_file_unit on meeting_item_file using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_vote enable row level security;
alter table meeting_vote force row level security;
create policy meeting_vote_unit on meeting_vote using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_voter enable row level security;
alter table meeting_voter force row level security;
create policy meeting_voter_unit on meeting_voter using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_ballot enable row level security;
alter table meeting_ballot force row level security;
create policy meeting_ballot_unit on meeting_ballot using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_minutes enable row level security;
alter table meeting_minutes force row level security;
create policy meeting_minutes_unit on meeting_minutes using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table meeting_task enable row level security;
alter table meeting_task force row level security;
create policy meeting_task_unit on meeting_task using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
