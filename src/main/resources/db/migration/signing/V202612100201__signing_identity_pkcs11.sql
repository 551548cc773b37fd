-- A signing identity may live on a PKCS#11 token (a CA's USB token, an HSM) instead of a sealed PKCS#12 file:
-- the library path, the slot, the token's label and the key's alias are kept; the PIN is never stored (it is
-- asked each time something is signed). The certificate is kept as for a .p12.
alter table signing_identity alter column p12_sealed drop not null;
alter table signing_identity add column pkcs11_library text;
alter table signing_identity add column pkcs11_slot bigint;
alter table signing_identity add column pkcs11_token_label text;
alter table signing_identity add column pkcs11_alias text;
alter table signing_identity drop constraint signing_identity_source_check;
alter table signing_identity add constraint signing_identity_source_check
  check (source in ('GENERATED', 'IMPORTED', 'PKCS11'));
alter table signing_identity add constraint signing_identity_key_place check (
  (source = 'PKCS11' and p12_sealed is null and pkcs11_library is not null and pkcs11_slot is not null
     and pkcs11_alias is not null)
  or (source <> 'PKCS11' and p12_sealed is not null and pkcs11_library is null));
