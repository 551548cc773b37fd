-- Villages (thôn, xóm, bản, tổ dân phố, ấp, khu phố): created by each commune's administrator.
create table village (
  id           bigserial primary key,
  commune_code varchar(5) not null references admin_unit (code),
  code         text not null unique,
  name         text not null check (length(name) between 1 and 100),
  type         text not null check (type in ('Thôn', 'Xóm', 'Bản', 'Tổ dân phố', 'Ấp', 'Khu phố')),
  active       boolean not null default true,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create unique index village_commune_name_uq on village (commune_code, xaso_fold(name));

-- Villages are public facts: everyone reads them. Only a caller whose transaction scope
-- (app.units) includes the commune may write, even if application code forgets to check.
alter table village enable row level security;
alter table village force row level security;
create policy village_read on village for select using (true);
create policy village_insert on village for insert with check (xaso_unit_visible(commune_code));
create policy village_update on village for update
  using (xaso_unit_visible(commune_code)) with check (xaso_unit_visible(commune_code));
create policy village_delete on village for delete using (xaso_unit_visible(commune_code));
