-- Traceability (truy xuất nguồn gốc): a producer's production batches (lô) of a product and each batch's diary as
-- GS1 EPCIS 2.0 events (JSON-LD, validated against the bundled schema before they are stored). Recalled batches
-- keep their rows; the public page and the GS1 Digital Link resolver then say so (410). Row-level security as everywhere.

-- A batch. lot_number: GS1 AI (10), kept to letters, digits and '-' so it fits a Digital Link path unescaped.
create table economy_lot (
  id             bigint generated always as identity primary key,
  unit_code      varchar(20) not null,
  product_id     bigint not null references economy_product (id),
  producer_id    bigint not null references economy_producer (id),
  lot_number     text not null check (lot_number ~ '^[A-Za-z0-9-]{1,20}$'),
  produced_on    date not null,
  best_before    date,
  quantity       integer not null check (quantity between 1 and 10000000),
  origin         text check (length(origin) <= 1000),
  created_by     text not null,
  created_at     timestamptz not null default now(),
  recalled_at    timestamptz,
  recalled_by    text,
  recall_reason  text check (length(btrim(recall_reason)) between 5 and 500),
  constraint economy_lot_dates check (best_before is null or best_before >= produced_on),
  constraint economy_lot_recall_whole check (
    (recalled_at is null and recalled_by is null and recall_reason is null)
    or (recalled_at is not null and recalled_by is not null and recall_reason is not null))
);
create unique index economy_lot_number_uq on economy_lot (product_id, upper(lot_number));
create index economy_lot_producer_idx on economy_lot (producer_id, id desc);

-- One EPCIS 2.0 event of a batch, as received or built (document: the event object itself, valid JSON-LD within the
-- EPCIS 2.0 context). event_id: its eventID (a urn:uuid when we built it); one row per batch and eventID.
create table economy_lot_event (
  id           bigint generated always as identity primary key,
  unit_code    varchar(20) not null,
  lot_id       bigint not null references economy_lot (id),
  event_id     text not null check (length(event_id) between 5 and 300),
  event_type   text not null check (event_type in ('ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent', 'AssociationEvent')),
  biz_step     text,
  event_time   timestamptz not null,
  document     jsonb not null,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now()
);
create unique index economy_lot_event_uq on economy_lot_event (lot_id, event_id);
create index economy_lot_event_time_idx on economy_lot_event (lot_id, event_time, id);

alter table economy_lot enable row level security;
alter table economy_lot force row level security;
create policy economy_lot_unit on economy_lot using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table economy_lot_event enable row level security;
alter table economy_lot_event force row level security;
create policy economy_lot_event_unit on economy_lot_event using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
