-- Issue 21: a signing identity can live on a PKCS#11 token (a CA's USB token, an HSM). Only where to find it is
-- stored — the PKCS#11 library (one the installation allows), the slot and the key's alias — and the certificate
-- read from the token when it was registered; the key never leaves the token and the PIN is never stored.
alter table signing_identity drop constraint signing_identity_source_check;
alter table signing_identity add constraint signing_identity_source_check check (source in ('GENERATED', 'IMPORTED', 'TOKEN'));
alter table signing_identity alter column p12_sealed drop not null;
alter table signing_identity add column token_library text, add column token_slot bigint, add column token_alias text;
alter table signing_identity add constraint signing_identity_token_check
  check ((source = 'TOKEN') = (token_library is not null) and (source = 'TOKEN' or p12_sealed is not null));
