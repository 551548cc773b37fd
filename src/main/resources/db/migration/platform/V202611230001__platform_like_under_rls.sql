-- Under row-level security PostgreSQL evaluates the policy before any condition whose function is
-- not LEAKPROOF, so a LIKE search could never use its trigram index and read whole tables
-- (measured: 1.7 s per search over 100,000 documents, bench/documents-search.sh). textlike's only
-- errors come from a malformed pattern — the caller's own input — never from row data, so marking
-- it LEAKPROOF leaks nothing. Only a superuser may do this: on an external server where the
-- migration user is not one, ask the DBA to run the statement below; search still works, slower.
do $$
begin
  alter function pg_catalog.textlike(text, text) leakproof;
exception when insufficient_privilege then
  raise notice 'XaSo: run "alter function pg_catalog.textlike(text, text) leakproof" as a superuser so searches can use their indexes under row-level security';
end
$$;
