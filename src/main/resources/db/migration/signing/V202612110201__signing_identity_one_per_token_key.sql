-- One active identity per key on a token (issue 21): a double submit of "register my token" or of the
-- administrator's token form, even two at the same moment, adds one identity. Older duplicates (none are
-- expected: the application already looked before inserting) stop being used, the oldest one stays.
update signing_identity s set active = false
where s.source = 'PKCS11' and s.active and exists (
  select 1 from signing_identity o
  where o.source = 'PKCS11' and o.active and o.id < s.id and o.unit_code = s.unit_code
    and o.pkcs11_library = s.pkcs11_library and o.pkcs11_slot = s.pkcs11_slot
    and o.pkcs11_alias = s.pkcs11_alias and o.serial_hex = s.serial_hex);
create unique index signing_identity_one_per_token_key
  on signing_identity (unit_code, pkcs11_library, pkcs11_slot, pkcs11_alias, serial_hex)
  where active and source = 'PKCS11';
