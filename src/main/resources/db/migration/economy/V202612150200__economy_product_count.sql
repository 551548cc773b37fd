-- Economy's counters for the insights indicators (issue 17): what a product counted for, each time that changed —
-- listed or not, and its OCOP stars with the day the certificate expires (36 months after it was granted). The
-- stocks "products listed" and "OCOP products by stars" are rebuilt from these rows (EconomyMetrics), since a
-- product's current row no longer says when it was hidden or re-rated.
create table economy_product_count (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  product_id  bigint not null references economy_product (id),
  listed      boolean not null,
  ocop_stars  integer check (ocop_stars between 3 and 5),
  ocop_until  date,
  counted_at  timestamptz not null default now(),
  constraint economy_product_count_ocop_whole check ((ocop_stars is null) = (ocop_until is null))
);
create index economy_product_count_product_idx on economy_product_count (product_id, id);

alter table economy_product_count enable row level security;
alter table economy_product_count force row level security;
create policy economy_product_count_unit on economy_product_count using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));

-- Products kept before the counters existed count from the day they were added (a rebuild of the indicators'
-- counters then matches). System-wide scope for this migration's transaction, so row-level security sees every row.
select set_config('app.units', '*', true);
insert into economy_product_count (unit_code, product_id, listed, ocop_stars, ocop_until, counted_at)
select unit_code, id, listed, ocop_stars, (ocop_certified_on + interval '36 months')::date, created_at from economy_product;
