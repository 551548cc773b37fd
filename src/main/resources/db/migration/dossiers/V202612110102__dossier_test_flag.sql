-- A test dossier (issue 13, "try it"): submitted by the commune's administrator through the citizen page while
-- trying XaSo (the setup's try-it guide marks it). It keeps the number the daily sequence gave it (numbers are
-- never reused; removing it is audited with its code), and it is left out of the indicators, the statistics and
-- the tracking book. Removable through "Xoá hồ sơ thử".
alter table dossier add column test boolean not null default false;
