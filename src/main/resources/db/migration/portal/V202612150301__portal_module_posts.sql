-- Issue 20: notices another module publishes on the portal by itself (the health station's rounds), found again by
-- the module's key to update or withdraw them; one post per commune and key.
alter table portal_post add column source_key text check (length(source_key) <= 100);
create unique index portal_post_source_uq on portal_post (unit_code, source_key) where source_key is not null;
