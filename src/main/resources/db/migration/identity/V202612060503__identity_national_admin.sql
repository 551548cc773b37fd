-- NATIONAL_ADMIN: records settings that apply to the whole country (the announced working-day swaps).
alter table official drop constraint official_roles_known;
alter table official add constraint official_roles_known check (roles <@ array['ADMIN','LEADER','ONE_STOP','SPECIALIST','CLERK',
  'COMMUNITY_TEAM','VILLAGE_HEAD','PROVINCE_VIEWER','NATIONAL_ADMIN']);
