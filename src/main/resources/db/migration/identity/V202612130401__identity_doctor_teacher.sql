-- DOCTOR (bác sĩ trạm y tế) and TEACHER (giáo viên): accounts of the commune's health station and schools, not staff.
alter table official drop constraint official_roles_known;
alter table official add constraint official_roles_known check (roles <@ array['ADMIN','LEADER','ONE_STOP','SPECIALIST','CLERK',
  'COMMUNITY_TEAM','VILLAGE_HEAD','PROVINCE_VIEWER','NATIONAL_ADMIN','PROVINCE_ADMIN','PRODUCER','DOCTOR','TEACHER']);
