-- The register keeps the summary of a PDF's signature check as a message (a bundle key and its arguments separated by
-- U+001F, documents.internal.CheckSummary), said in the reader's language when shown, no longer in Vietnamese words.
-- Summaries kept in words before: the ones the stored lines (intact|trusted|time|name) tell again are recounted, the
-- two fixed sentences become their keys; a failure with its reason in words stays as it is (shown as it is).
select set_config('app.units', '*', true);

with counted as (
  select d.id,
         count(*) as n,
         count(*) filter (where split_part(l, '|', 1) = 'true') as intact,
         count(*) filter (where split_part(l, '|', 1) = 'true' and split_part(l, '|', 2) = 'true') as trusted
  from document d, regexp_split_to_table(d.signature_check, E'\n') as l
  where d.signature_summary is not null and coalesce(d.signature_check, '') <> '' and btrim(l) <> ''
  group by d.id)
update document d
set signature_summary = case when c.intact < c.n
                             then 'signing.text.summary.broken' || chr(31) || c.n || chr(31) || (c.n - c.intact)
                             else 'signing.text.summary.intact' || chr(31) || c.n || chr(31) || c.trusted end
from counted c
where d.id = c.id;

update document set signature_summary = 'signing.text.summary.none'
where signature_summary = 'Tệp PDF không có chữ ký số nào.';

update document set signature_summary = 'documents.text.checkFailed'
where signature_summary = 'Không kiểm tra được chữ ký số của tệp này.';
