-- Which counted facts of a dossier (submitted, resolved on time, paid online, rated…) have been
-- reported to the indicators, so each is reported exactly once, in the transaction that made it true.
create table dossier_metric (
  dossier_id  bigint not null references dossier (id),
  unit_code   varchar(20) not null,
  fact        text not null,
  primary key (dossier_id, fact)
);
alter table dossier_metric enable row level security;
alter table dossier_metric force row level security;
create policy dossier_metric_unit on dossier_metric
  using (xaso_unit_visible(unit_code)) with check (xaso_unit_visible(unit_code));
