-- Setup links replaced by a newer one ("Gửi lại" on /province/communes, or the commune's row uploaded again):
-- only the SHA-256 of the old token, so that opening the old link shows "no longer valid" rather than "wrong".
create table province_invite_replaced (
  token_hash    text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  commune_code  varchar(5) not null check (commune_code ~ '^[0-9]{5}$'),
  replaced_at   timestamptz not null default now()
);
