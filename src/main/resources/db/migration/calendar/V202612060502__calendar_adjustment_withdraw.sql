-- An adjustment can be withdrawn (kept, marked, audited) instead of deleted; one live adjustment per date.
alter table calendar_adjustment add column withdrawn_at timestamptz;
alter table calendar_adjustment add column withdrawn_by text;
alter table calendar_adjustment drop constraint calendar_adjustment_date_key;
create unique index calendar_adjustment_live_date on calendar_adjustment (date) where withdrawn_at is null;
