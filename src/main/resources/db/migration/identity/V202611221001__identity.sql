-- Officials belong to one unit (a commune, or a province for province staff) and hold roles there.
create table official (
  id                  bigserial primary key,
  unit_code           text        not null,
  username            text        not null,
  full_name           text        not null,
  title               text,
  phone               text,
  email               text,
  password_hash       text        not null,
  roles               text[]      not null default '{}',
  village_code        text,
  totp_secret         text,
  failed_attempts     int         not null default 0,
  locked_until        timestamptz,
  active              boolean     not null default true,
  password_changed_at timestamptz not null default now(),
  last_sign_in_at     timestamptz,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  constraint official_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  constraint official_roles_known check (roles <@ array['ADMIN','LEADER','ONE_STOP','SPECIALIST','CLERK',
                                                       'COMMUNITY_TEAM','VILLAGE_HEAD','PROVINCE_VIEWER'])
);
create unique index official_username on official (username);
create index official_unit on official (unit_code);
create index official_search on official using gin (xaso_fold(full_name || ' ' || username) gin_trgm_ops);

alter table official enable row level security;
alter table official force row level security;
create policy official_unit on official
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- Citizens are national: one account whatever commune they deal with. Their own data in other
-- modules is scoped by citizen id in code.
create table citizen (
  id              bigserial primary key,
  phone           text unique,
  oidc_issuer     text,
  oidc_subject    text,
  full_name       text,
  created_at      timestamptz not null default now(),
  last_sign_in_at timestamptz,
  unique (oidc_issuer, oidc_subject),
  constraint citizen_phone_format check (phone is null or phone ~ '^0[35789][0-9]{8}$')
);

-- One-time sign-in codes for citizens; only a hash is stored.
create table citizen_otp (
  phone      text        primary key,
  code_hash  text        not null,
  expires_at timestamptz not null,
  attempts   int         not null default 0,
  created_at timestamptz not null default now()
);
