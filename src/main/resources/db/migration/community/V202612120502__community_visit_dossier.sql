-- Issue 16: a visit in which the member submitted a dossier with help names that dossier (the dossiers module's
-- assisted submission, read through its API; its consent stays with the dossier).
alter table community_visit add column dossier_id bigint;
alter table community_visit add column dossier_code text check (length(dossier_code) <= 40);
