-- Procedures a commune does not offer (chosen at setup step 6): a national procedure listed here
-- for a commune disappears from that commune's catalogue (lists, detail, new dossiers). Dossiers
-- already submitted keep finding their exact version by id. Deleting the row offers it again.
create table catalog_procedure_hidden (
  unit_code  varchar(5) not null,
  code       text not null,
  hidden_at  timestamptz not null default now(),
  hidden_by  text not null,
  primary key (unit_code, code)
);

-- Which procedures a commune offers is public (its catalogue is); only the commune writes its rows.
alter table catalog_procedure_hidden enable row level security;
alter table catalog_procedure_hidden force row level security;
create policy catalog_procedure_hidden_read on catalog_procedure_hidden for select using (true);
create policy catalog_procedure_hidden_insert on catalog_procedure_hidden for insert
  with check (xaso_unit_visible(unit_code));
create policy catalog_procedure_hidden_delete on catalog_procedure_hidden for delete
  using (xaso_unit_visible(unit_code));
grant select, insert, delete on catalog_procedure_hidden to ${app_role};
