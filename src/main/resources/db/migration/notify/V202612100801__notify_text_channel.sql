-- TEXT: a text message to a phone number given by the caller (not a citizen's account), sent through the
-- platform's text port (the configured SMS provider, else Zalo ZNS, else the demo outbox) with the outbox's
-- retries and delivery state. Used for a commune's first administrator invited by the province.
alter table notify_delivery drop constraint notify_delivery_channel_check;
alter table notify_delivery add constraint notify_delivery_channel_check
  check (channel in ('EMAIL', 'WEB_PUSH', 'ZALO', 'SMS', 'TEXT'));
