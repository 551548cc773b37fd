-- Notifications: the delivery log (which is also the outbox), citizens' channel preferences and
-- consents, web push subscriptions and this installation's VAPID key pair.

-- One row per notice, recipient and channel. It is written in the caller's transaction (outbox)
-- and worked on afterwards. status: queued (waiting, or waiting for a retry after last_error),
-- sending (claimed by a sender until next_attempt_at; a row still 'sending' after that is taken
-- again with the same idempotency key), sent, failed (given up), skipped (channel chosen but not
-- usable: no address, no consent, not configured — the reason is in last_error).
create table notify_delivery (
  id               bigint generated always as identity primary key,
  unit_code        varchar(20) not null,
  dedupe_key       text        not null check (length(dedupe_key) between 1 and 200),
  channel          text        not null check (channel in ('EMAIL', 'WEB_PUSH', 'ZALO', 'SMS')),
  -- who, for de-duplication: citizen:<id>, email:<address>, push:<subscription id>
  recipient_key    text        not null check (length(recipient_key) <= 300),
  citizen_id       bigint,
  -- where it goes: e-mail address, phone (0xxxxxxxxx) or push subscription id; null when skipped
  address          text        check (length(address) <= 300),
  recipient_masked text        not null,
  template         text        not null,
  params           jsonb       not null default '{}',
  announcement     boolean     not null default false,
  subject          text        not null,
  body             text        not null,
  short_text       text        not null,
  link             text,
  status           text        not null default 'queued'
                   check (status in ('queued', 'sending', 'sent', 'failed', 'skipped')),
  attempts         int         not null default 0 check (attempts >= 0),
  last_error       text,
  next_attempt_at  timestamptz not null default now(),
  sent_at          timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint notify_delivery_once unique (unit_code, dedupe_key, recipient_key, channel)
);
create index notify_delivery_due_idx on notify_delivery (next_attempt_at) where status in ('queued', 'sending');
create index notify_delivery_log_idx on notify_delivery (unit_code, created_at desc, id desc);

alter table notify_delivery enable row level security;
alter table notify_delivery force row level security;
create policy notify_delivery_unit on notify_delivery
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- A citizen's own choices (citizens are national, like the citizen table: scoped by citizen id in
-- code). Zalo and SMS are used only with a recorded consent time; withdrawing clears it.
create table notify_preference (
  citizen_id       bigint primary key references citizen (id),
  email            text check (email is null or length(email) between 3 and 254),
  email_enabled    boolean not null default true,
  push_enabled     boolean not null default true,
  zalo_consent_at  timestamptz,
  sms_consent_at   timestamptz,
  -- the commune whose public announcements the citizen wants (e-mail/Zalo/SMS)
  follow_unit_code varchar(20),
  updated_at       timestamptz not null default now()
);
create index notify_preference_follow_idx on notify_preference (follow_unit_code) where follow_unit_code is not null;

-- A browser's push subscription (PushSubscription.toJSON()). citizen_id: the signed-in citizen
-- who subscribed, for their own notices; unit_code: the commune whose announcements it follows
-- (anonymous subscriptions have only this). Removed when the push service answers 404 or 410.
-- Not a commune's internal data (anyone may subscribe), so reached by endpoint or citizen id.
create table notify_push_subscription (
  id           bigint generated always as identity primary key,
  endpoint     text not null unique check (length(endpoint) between 10 and 1000),
  p256dh       text not null check (length(p256dh) between 80 and 100),
  auth         text not null check (length(auth) between 16 and 30),
  citizen_id   bigint references citizen (id),
  unit_code    varchar(20),
  created_at   timestamptz not null default now(),
  last_sent_at timestamptz
);
create index notify_push_subscription_citizen_idx on notify_push_subscription (citizen_id) where citizen_id is not null;
create index notify_push_subscription_unit_idx on notify_push_subscription (unit_code) where unit_code is not null;

-- This installation's VAPID key pair (RFC 8292), created on first use. One row.
create table notify_vapid_key (
  id          smallint primary key default 1 check (id = 1),
  public_key  text not null,
  private_key text not null,
  created_at  timestamptz not null default now()
);
