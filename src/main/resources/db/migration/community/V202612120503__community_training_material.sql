-- Issue 16: files of a training session (slides, handouts, photos), each checked by its content on upload.
create table community_training_material (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  training_id   bigint not null references community_training (id),
  name          text not null check (length(name) between 1 and 200),
  content_type  text not null,
  size          integer not null check (size between 1 and 20971520),
  content       bytea not null,
  uploaded_by   text not null,
  uploaded_at   timestamptz not null default now()
);
create index community_training_material_training_idx on community_training_material (training_id);
alter table community_training_material enable row level security;
alter table community_training_material force row level security;
create policy community_training_material_unit on community_training_material using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
