-- PRODUCER: a producer of the commune shop (household business, cooperative, enterprise), held alone.
alter table official drop constraint official_roles_known;
alter table official add constraint official_roles_known check (roles <@ array['ADMIN','LEADER','ONE_STOP','SPECIALIST','CLERK',
  'COMMUNITY_TEAM','VILLAGE_HEAD','PROVINCE_VIEWER','NATIONAL_ADMIN','PROVINCE_ADMIN','PRODUCER']);
