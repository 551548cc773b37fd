-- Digital economy (kinh tế số): the commune's producers, their products (OCOP ratings, photos, links to
-- marketplaces) and orders from the commune shop. Every row carries its commune; row-level security as
-- everywhere (xaso_unit_visible): public pages read in the scope of the one commune asked for.

-- A producer: household business (hộ kinh doanh), cooperative (HTX) or enterprise, verified by the commune.
-- username: the producer's own account (role PRODUCER) once the commune gave one.
create table economy_producer (
  id              bigint generated always as identity primary key,
  unit_code       varchar(20) not null,
  kind            text not null check (kind in ('HOUSEHOLD', 'COOPERATIVE', 'ENTERPRISE')),
  name            text not null check (length(btrim(name)) between 2 and 150),
  tax_code        text check (tax_code ~ '^[0-9]{10}(-?[0-9]{3})?$'),
  contact_name    text not null check (length(btrim(contact_name)) between 2 and 100),
  phone           text not null check (phone ~ '^0[0-9]{9}$'),
  address         text not null check (length(btrim(address)) between 2 and 300),
  description     text check (length(description) <= 2000),
  bank_bin        varchar(6) check (bank_bin ~ '^[0-9]{6}$'),
  account_number  varchar(19) check (account_number ~ '^[0-9]{6,19}$'),
  account_name    varchar(50) check (account_name ~ '^[A-Z0-9 .,&()/-]{2,50}$'),
  username        text,
  verified_by     text,
  verified_at     timestamptz,
  created_by      text not null,
  created_at      timestamptz not null default now(),
  constraint economy_producer_account_whole check (
    (bank_bin is null and account_number is null and account_name is null)
    or (bank_bin is not null and account_number is not null and account_name is not null)),
  constraint economy_producer_verified_whole check ((verified_by is null) = (verified_at is null))
);
create unique index economy_producer_name_uq on economy_producer (unit_code, xaso_fold(name));
create unique index economy_producer_username_uq on economy_producer (unit_code, username) where username is not null;

-- A product. OCOP: stars 3–5 with the certificate, its 100-point score and date; valid 36 months from that date
-- (QĐ 148/QĐ-TTg); an expired rating is kept but no longer shown. gtin: when the producer has a GS1 number.
create table economy_product (
  id                bigint generated always as identity primary key,
  unit_code         varchar(20) not null,
  producer_id       bigint not null references economy_producer (id),
  name              text not null check (length(btrim(name)) between 2 and 150),
  description       text not null check (length(description) <= 4000),
  category          text not null check (category in ('FOOD', 'DRINK', 'HERB', 'CRAFT', 'FRESH', 'OTHER')),
  unit_label        text not null check (length(btrim(unit_label)) between 1 and 30),
  price_vnd         bigint not null check (price_vnd between 1000 and 100000000),
  stock             integer not null check (stock between 0 and 1000000),
  season            text check (length(season) <= 100),
  gtin              text check (gtin ~ '^[0-9]{8}$|^[0-9]{12,14}$'),
  ocop_stars        integer check (ocop_stars between 3 and 5),
  ocop_score        integer check (ocop_score between 0 and 100),
  ocop_certificate  text check (length(ocop_certificate) between 1 and 100),
  ocop_certified_on date,
  links             text[] not null default '{}',
  listed            boolean not null default true,
  search_folded     text generated always as (xaso_fold(name || ' ' || description)) stored,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  constraint economy_product_ocop_whole check (
    (ocop_stars is null and ocop_score is null and ocop_certificate is null and ocop_certified_on is null)
    or (ocop_stars is not null and ocop_score is not null and ocop_certificate is not null and ocop_certified_on is not null)),
  constraint economy_product_links_few check (cardinality(links) <= 5)
);
create index economy_product_unit_idx on economy_product (unit_code, listed, id desc);
create index economy_product_producer_idx on economy_product (producer_id);
create index economy_product_search_idx on economy_product using gin (search_folded gin_trgm_ops);

-- Photos: checked by content, decoded with the pixel count read first, stored re-encoded as JPEG with a thumbnail.
create table economy_photo (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  product_id  bigint not null references economy_product (id),
  content     bytea not null,
  thumbnail   bytea not null,
  width       integer not null,
  height      integer not null,
  created_at  timestamptz not null default now()
);
create index economy_photo_product_idx on economy_photo (product_id, id);

-- An order from the commune shop. code: the buyer's link to their order (random, unguessable).
-- Stock is taken when the order is placed and given back once when it is cancelled.
create table economy_order (
  id               bigint generated always as identity primary key,
  unit_code        varchar(20) not null,
  code             varchar(16) not null unique check (code ~ '^[A-Z0-9]{10,16}$'),
  product_id       bigint not null references economy_product (id),
  producer_id      bigint not null references economy_producer (id),
  product_name     text not null,
  buyer_name       text not null check (length(btrim(buyer_name)) between 2 and 100),
  buyer_phone      text not null check (buyer_phone ~ '^0[0-9]{9}$'),
  quantity         integer not null check (quantity between 1 and 1000),
  unit_price_vnd   bigint not null check (unit_price_vnd > 0),
  amount_vnd       bigint not null check (amount_vnd > 0 and amount_vnd <= 500000000),
  delivery         text not null check (delivery in ('PICKUP', 'POST', 'PRODUCER')),
  address          text check (length(address) <= 300),
  tracking_number  text check (tracking_number ~ '^[A-Za-z0-9-]{4,40}$'),
  payment          text not null check (payment in ('VIETQR', 'CASH')),
  status           text not null check (status in ('PLACED', 'PAID', 'SHIPPED', 'DONE', 'CANCELLED')),
  bill_id          bigint,
  placed_at        timestamptz not null default now(),
  paid_at          timestamptz,
  shipped_at       timestamptz,
  done_at          timestamptz,
  cancelled_at     timestamptz,
  cancelled_by     text,
  cancel_reason    text check (length(cancel_reason) <= 300),
  constraint economy_order_address check (delivery = 'PICKUP' or length(btrim(coalesce(address, ''))) >= 5),
  constraint economy_order_amount check (amount_vnd = quantity * unit_price_vnd)
);
create index economy_order_producer_idx on economy_order (producer_id, placed_at desc);
create index economy_order_unit_idx on economy_order (unit_code, status, placed_at desc);

alter table economy_producer enable row level security;
alter table economy_producer force row level security;
create policy economy_producer_unit on economy_producer using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table economy_product enable row level security;
alter table economy_product force row level security;
create policy economy_product_unit on economy_product using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table economy_photo enable row level security;
alter table economy_photo force row level security;
create policy economy_photo_unit on economy_photo using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table economy_order enable row level security;
alter table economy_order force row level security;
create policy economy_order_unit on economy_order using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
