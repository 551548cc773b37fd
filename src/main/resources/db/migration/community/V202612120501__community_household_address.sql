-- Issue 16: each household's digital address record (kept by the addresses module, named here by id only)
-- and when its address first got a code (a plus code or the national code) — what the indicator
-- "households with an address code" counts.
alter table community_household add column address_id bigint;
alter table community_household add column address_coded_at timestamptz;
create index community_household_coded_idx on community_household (unit_code, address_coded_at) where address_coded_at is not null;
