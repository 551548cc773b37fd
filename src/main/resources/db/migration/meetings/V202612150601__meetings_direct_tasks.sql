-- Issue 19: tasks outside meetings. A leader gives a task directly (to one official, a village head, or a team: one row
-- per person, sharing team_id = the first row's id), with a title (text), a description, a priority and optionally the
-- documents-register entry it follows; such a task has no meeting. Reminders are recorded so that each goes once:
-- the working day before the deadline, and once when the task became overdue. Progress reports may carry a photo
-- (re-encoded JPEG and its thumbnail, checked by content and pixel count before decoding).

alter table meeting_task alter column meeting_id drop not null;
alter table meeting_task alter column item_id drop not null;
alter table meeting_task add column priority text not null default 'NORMAL' check (priority in ('HIGH', 'NORMAL', 'LOW'));
alter table meeting_task add column details text check (length(details) <= 4000);
alter table meeting_task add column document_id bigint;
alter table meeting_task add column team_id bigint;
alter table meeting_task add column reminded_due_at timestamptz;
alter table meeting_task add column reminded_overdue_at timestamptz;
alter table meeting_task add constraint meeting_task_from_meeting check ((meeting_id is null) = (item_id is null));

create index meeting_task_open_deadline_idx on meeting_task (deadline) where status = 'OPEN';
create index meeting_task_team_idx on meeting_task (team_id) where team_id is not null;

alter table meeting_task_progress add column photo bytea check (octet_length(photo) <= 3000000);
alter table meeting_task_progress add column thumbnail bytea check (octet_length(thumbnail) <= 300000);
