-- Administrative units: the current 2-tier tree (since 1 July 2025), the legacy 3-tier tree
-- (1 March 2025) kept for old addresses and records, and the old -> new commune mapping.
-- These are reference data written only by the importer (as the database owner).

create table admin_unit (
  code          varchar(5) primary key,
  level         text not null check (level in ('province', 'commune')),
  type          text not null check (type in ('Tỉnh', 'Thành phố', 'Xã', 'Phường', 'Đặc khu')),
  name          text not null,
  short_name    text not null,
  parent_code   varchar(5) references admin_unit (code),
  province_code varchar(2) not null references admin_unit (code),
  search        text generated always as (xaso_fold(name)) stored,
  check ((level = 'province' and code ~ '^[0-9]{2}$' and parent_code is null and province_code = code)
      or (level = 'commune' and code ~ '^[0-9]{5}$' and parent_code = province_code))
);
create index admin_unit_parent_idx on admin_unit (parent_code);
create index admin_unit_search_trgm_idx on admin_unit using gin (search gin_trgm_ops);

create table legacy_unit (
  code          varchar(5) primary key,
  level         text not null check (level in ('province', 'district', 'commune')),
  type          text not null,
  name          text not null,
  parent_code   varchar(5) references legacy_unit (code),
  province_code varchar(2) not null references legacy_unit (code),
  check ((level = 'province' and code ~ '^[0-9]{2}$' and parent_code is null)
      or (level = 'district' and code ~ '^[0-9]{3}$' and parent_code = province_code)
      or (level = 'commune' and code ~ '^[0-9]{5}$' and parent_code ~ '^[0-9]{3}$'))
);
create index legacy_unit_parent_idx on legacy_unit (parent_code);

-- One row per line of old-to-new-2025.csv. The natural key (old_code, new_code) cannot be the
-- primary key: the shipped file has rows without an old code and exact duplicate rows, so the
-- source line number is the key and the importer stays idempotent.
create table unit_succession (
  line              int primary key,
  old_code          varchar(5) references legacy_unit (code),
  old_name          text not null,
  old_district_name text not null,
  old_province_name text not null,
  new_code          varchar(5) not null references admin_unit (code),
  new_name          text not null,
  new_province_name text not null,
  -- the new-commune code exactly as shipped; differs from new_code where the source used a code
  -- that is not a 2025 code and the importer resolved it by name
  source_new_code   varchar(5) not null
);
create index unit_succession_old_idx on unit_succession (old_code);
create index unit_succession_new_idx on unit_succession (new_code);

-- Read-only for the application: only the importer (owner connection) changes reference data.
revoke insert, update, delete, truncate on admin_unit, legacy_unit, unit_succession from ${app_role};
