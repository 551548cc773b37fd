-- Digital address records (issue 16): one per household or organisation ("holder", owned by another
-- module such as community; this module never reads that module's tables), kept as separate fields.

-- The commune's reference point for short plus codes ("GQ7V+XX Xã Yên Mô"). Set by the commune's
-- officials; until then the first pinned address sets it, so short codes stay stable.
create table address_reference (
  unit_code   text primary key,
  lat         double precision not null check (lat between 6.0 and 23.5),
  lon         double precision not null check (lon between 102.0 and 118.0),
  updated_at  timestamptz not null default now(),
  updated_by  text not null
);

create table address_record (
  id            bigserial primary key,
  unit_code     text not null,
  holder_kind   text not null check (holder_kind in ('HOUSEHOLD', 'ORGANISATION')),
  holder_id     text not null check (holder_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
  village_code  text not null default '',
  village_name  text not null default '',
  label         text not null default '' check (length(label) <= 120),
  address_text  text not null check (length(btrim(address_text)) between 1 and 300),
  postcode      text check (postcode ~ '^[0-9]{5}$'),
  lat           double precision check (lat between 6.0 and 23.5),
  lon           double precision check (lon between 102.0 and 118.0),
  plus_code     text check (plus_code ~ '^[23456789CFGHJMPQRVWX]{8}\+[23456789CFGHJMPQRVWX]{2}$'),
  short_code    text check (short_code ~ '^[23456789CFGHJMPQRVWX]{2,6}\+[23456789CFGHJMPQRVWX]{2}$'),
  national_code text check (national_code ~ '^[0-9]{10}$'),
  created_at    timestamptz not null default now(),
  created_by    text not null,
  updated_at    timestamptz not null default now(),
  updated_by    text not null,
  unique (unit_code, holder_kind, holder_id),
  check ((lat is null) = (lon is null) and (lat is null) = (plus_code is null))
);
create index address_record_list_idx on address_record (unit_code, village_name, address_text, id);
create index address_record_plus_idx on address_record (plus_code) where plus_code is not null;
create unique index address_record_national_idx on address_record (unit_code, national_code) where national_code is not null;

alter table address_reference enable row level security;
alter table address_reference force row level security;
create policy address_reference_unit on address_reference
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table address_record enable row level security;
alter table address_record force row level security;
create policy address_record_unit on address_record
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
