-- Document search by whole words (issue 15). The trigram index on search_folded finds a common word only
-- through candidates that must then be read and re-checked one by one (about 3,800 rows and 100 ms for
-- "quyet dinh khai sinh" over 100,000 documents, twice per page: count and rows). The words of the same
-- folded text as a tsvector (no positions: only "is the word there") answer exactly from their own GIN
-- index, and their statistics tell the planner how common a word is, so a common word can be served by
-- walking the register's newest-first index until a page is full. search_folded and its trigram index stay
-- for terms with punctuation (number symbols such as 12/QĐ-UBND), which keep the substring match.
alter table document add column search_words tsvector generated always as (strip(to_tsvector('simple'::regconfig, xaso_fold(
    type || ' ' || summary || ' ' || coalesce(number_symbol, '') || ' ' || issuer || ' ' || original_number || ' '
    || signer_name || ' ' || recipients || ' ' || body || ' ' || left(pdf_text, 200000))))) stored;
create index document_words_idx on document using gin (search_words);

-- Under row-level security PostgreSQL may use a condition as an index condition only when its function is
-- LEAKPROOF (see platform V202611230001 for textlike). ts_match_vq (tsvector @@ tsquery) raises no error that
-- depends on row data, so marking it leaks nothing. Only a superuser may do this; elsewhere ask the DBA.
do $$
begin
  alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof;
exception when insufficient_privilege then
  raise notice 'XaSo: run "alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof" as a superuser so document searches can use their word index under row-level security';
end
$$;
