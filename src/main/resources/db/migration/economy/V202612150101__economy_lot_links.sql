-- Traceability, "one step back, one step forward" (Thông tư 02/2024/TT-BKHCN): which batches a batch was made from
-- (a processing step, stored as one EPCIS 2.0 TransformationEvent under the new batch and under each input batch),
-- which batch an order was filled from, and a photo per diary step. Row-level security as everywhere.

-- An input of a processing step: lot_id was made (partly) from input_lot_id, taking quantity (in the input product's
-- unit). event_id: the TransformationEvent's eventID; a repeated event adds no link.
create table economy_lot_input (
  id            bigint generated always as identity primary key,
  unit_code     varchar(20) not null,
  lot_id        bigint not null references economy_lot (id),
  input_lot_id  bigint not null references economy_lot (id),
  quantity      numeric(13, 3) not null check (quantity > 0),
  event_id      text not null check (length(event_id) between 5 and 300),
  recorded_by   text not null,
  recorded_at   timestamptz not null default now(),
  constraint economy_lot_input_not_self check (lot_id <> input_lot_id)
);
create unique index economy_lot_input_uq on economy_lot_input (lot_id, input_lot_id, event_id);
create index economy_lot_input_from_idx on economy_lot_input (input_lot_id);

-- The batch an order was filled from, chosen when the producer ships or hands it over (null for orders shipped
-- before batches were recorded, or of a product without batches).
alter table economy_order add column lot_id bigint references economy_lot (id);
create index economy_order_lot_idx on economy_order (lot_id) where lot_id is not null;

-- A diary step's photo: checked by content, pixel count read before decoding, re-encoded JPEG with a thumbnail.
create table economy_lot_photo (
  id          bigint generated always as identity primary key,
  unit_code   varchar(20) not null,
  lot_id      bigint not null references economy_lot (id),
  event_id    text not null check (length(event_id) between 5 and 300),
  content     bytea not null,
  thumbnail   bytea not null,
  width       integer not null,
  height      integer not null,
  created_at  timestamptz not null default now()
);
create unique index economy_lot_photo_event_uq on economy_lot_photo (lot_id, event_id);

alter table economy_lot_input enable row level security;
alter table economy_lot_input force row level security;
create policy economy_lot_input_unit on economy_lot_input using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
alter table economy_lot_photo enable row level security;
alter table economy_lot_photo force row level security;
create policy economy_lot_photo_unit on economy_lot_photo using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
