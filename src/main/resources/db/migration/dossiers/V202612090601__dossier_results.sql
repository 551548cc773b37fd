-- Results filled before signing (issue 21): the specialist completes the result's fields (prefilled from the
-- e-form), the chairman signs what was previewed, the commune's seal is added.
--
-- Civil-status registers (sổ hộ tịch: sổ đăng ký khai sinh, kết hôn, khai tử): one counter per commune, book and
-- year. "Số:" on a civil-status extract is the entry's number in its register, not the dossier code.
create table civil_status_register (
  unit_code    varchar(20) not null,
  book         text not null check (book in ('KS', 'KH', 'KT')),
  year         int not null check (year between 2000 and 2200),
  last_number  int not null default 0 check (last_number >= 0),
  primary key (unit_code, book, year)
);

create table dossier_result (
  dossier_id       bigint primary key references dossier (id),
  unit_code        varchar(20) not null,
  fields           jsonb not null default '{}'::jsonb,
  register_book    text check (register_book in ('KS', 'KH', 'KT')),
  register_year    int,
  register_number  int check (register_number > 0),
  filled_by        text,
  filled_at        timestamptz,
  sealed_by        text,
  sealed_at        timestamptz,
  unique (unit_code, register_book, register_year, register_number)
);

alter table civil_status_register enable row level security;
alter table civil_status_register force row level security;
create policy civil_status_register_unit on civil_status_register using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table dossier_result enable row level security;
alter table dossier_result force row level security;
create policy dossier_result_unit on dossier_result using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
