-- Step 4 may choose a PKCS#11 token for the organisation's signature.
alter table setup_state drop constraint setup_state_signing_check;
alter table setup_state add constraint setup_state_signing_check check (signing in ('IMPORTED', 'TOKEN', 'LATER'));
