-- Outside recipients of an outgoing document by e-mail, the record of each e-mail sent, and the
-- reminders sent to handlers of incoming documents before and after their deadline.

-- One address per line (validated by the service: at most 20, each at most 254 characters).
alter table document add column email_recipients text not null default '';

-- One row per released document and outside address. status: pending (not tried yet, or mail
-- not configured), sent, failed (attempts < 5: retried at next_attempt_at; 5: given up).
create table document_mail_delivery (
  id               bigint generated always as identity primary key,
  unit_code        varchar(20) not null,
  document_id      bigint not null references document (id),
  address          text not null check (length(address) between 3 and 254),
  status           text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts         int  not null default 0 check (attempts between 0 and 5),
  last_error       text,
  next_attempt_at  timestamptz,
  sent_at          timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint document_mail_delivery_once unique (document_id, address)
);
create index document_mail_delivery_retry_idx on document_mail_delivery (status, next_attempt_at)
  where status in ('pending', 'failed');

-- Reminders to a handler: 'due_soon' once per assignment deadline, 'overdue' at most once a day.
create table document_reminder (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  document_id  bigint not null references document (id),
  username     text not null,
  kind         text not null check (kind in ('due_soon', 'overdue')),
  deadline     date not null,
  reminded_on  date not null,
  texted       boolean not null default false,
  created_at   timestamptz not null default now(),
  constraint document_reminder_once unique (document_id, username, kind, deadline, reminded_on)
);
create index document_reminder_user_idx on document_reminder (unit_code, username, reminded_on desc);

alter table document_mail_delivery enable row level security;
alter table document_mail_delivery force row level security;
create policy document_mail_delivery_unit on document_mail_delivery
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table document_reminder enable row level security;
alter table document_reminder force row level security;
create policy document_reminder_unit on document_reminder
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
