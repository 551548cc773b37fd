-- Issue 19, second part of the paperless meetings.
-- Replies: an invitee may send a delegate (name and position of the person going instead); the secretary checks the
-- delegate in in the invitee's place (present_by_delegate), and the quorum counts that seat as present.
alter table meeting_invitee drop constraint meeting_invitee_reply_check;
alter table meeting_invitee add constraint meeting_invitee_reply_check check (reply in ('NONE', 'ATTEND', 'ABSENT', 'DELEGATE'));
alter table meeting_invitee add column delegate_name text check (length(delegate_name) <= 100);
alter table meeting_invitee add column delegate_position text check (length(delegate_position) <= 150);
alter table meeting_invitee add column present_by_delegate boolean not null default false;
alter table meeting_invitee add constraint meeting_invitee_delegate_whole
  check ((reply = 'DELEGATE') = (delegate_name is not null and delegate_position is not null));

-- Confidential agenda items: their documents are for the invitees only (the chair and the secretary are invitees).
alter table meeting_item add column confidential boolean not null default false;

-- Versions of an item's documents: a new version keeps the earlier ones. series: the first version's id (null on the
-- first version itself).
alter table meeting_item_file add column series bigint references meeting_item_file (id);
alter table meeting_item_file add column version integer not null default 1 check (version > 0);
alter table meeting_item_file add constraint meeting_item_file_series_whole check ((series is null) = (version = 1));
create unique index meeting_item_file_version_uq on meeting_item_file ((coalesce(series, id)), version);

-- Pages of an item's PDF rendered as PNG for the tablet reader (kind: PAGE at reading size, THUMB small), made once.
create table meeting_file_page (
  unit_code  varchar(20) not null,
  file_id    bigint not null references meeting_item_file (id),
  page       integer not null check (page > 0),
  kind       text not null check (kind in ('PAGE', 'THUMB')),
  png        bytea not null,
  primary key (file_id, page, kind)
);
alter table meeting_file_page enable row level security;
alter table meeting_file_page force row level security;
create policy meeting_file_page_unit on meeting_file_page using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- The room display (projector): the item being taken up now, and the secret of the display's link (unguessable,
-- from the database's strong random source).
alter table meeting add column current_item_id bigint references meeting_item (id);
alter table meeting add column display_token text not null
  default replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
create unique index meeting_display_token_uq on meeting (display_token);

-- The minutes' text: each draft from the record and each rewrite by the secretary is a new version (who, when);
-- once anyone signed nothing changes.
create table meeting_minutes_version (
  meeting_id  bigint not null references meeting (id),
  version     integer not null check (version > 0),
  unit_code   varchar(20) not null,
  body        text not null check (length(body) between 1 and 60000),
  rewritten   boolean not null,
  written_by  text not null,
  written_at  timestamptz not null,
  primary key (meeting_id, version)
);
alter table meeting_minutes_version enable row level security;
alter table meeting_minutes_version force row level security;
create policy meeting_minutes_version_unit on meeting_minutes_version using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
revoke update, delete, truncate on meeting_minutes_version from ${app_role};
