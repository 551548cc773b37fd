-- A commune invited by its province runs the same setup wizard as a first-run instance (steps 2-7; the commune
-- is known from the invitation), saved as it goes: setup_state now holds one row per setup. Row 1 stays the
-- instance's own first-run setup; rows of invited communes (commune_invite) take ids from 2 on and are unique
-- per commune. The invitation's token opens them (province_invite.token_hash); token_hash here is the hash of
-- the link that first opened the row, kept for the record.
alter table setup_state drop constraint setup_state_id_check;
alter table setup_state alter column id type bigint;
create sequence setup_state_id_seq start with 2 owned by setup_state.id;
alter table setup_state alter column id set default nextval('setup_state_id_seq');
alter table setup_state add column commune_invite boolean not null default false;
alter table setup_state add constraint setup_state_first_run_is_row_one check (commune_invite = (id <> 1));
create unique index setup_state_invited_commune on setup_state (unit_code) where commune_invite;
