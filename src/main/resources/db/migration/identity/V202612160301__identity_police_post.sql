-- POLICE_POST (công an xã): the commune police post — views the commune's cameras and records incidents; not staff.
alter table official drop constraint official_roles_known;
alter table official add constraint official_roles_known check (roles <@ array['ADMIN','LEADER','ONE_STOP','SPECIALIST','CLERK',
  'COMMUNITY_TEAM','VILLAGE_HEAD','PROVINCE_VIEWER','NATIONAL_ADMIN','PROVINCE_ADMIN','PRODUCER','DOCTOR','TEACHER','POLICE_POST']);
