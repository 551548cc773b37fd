-- The register page lists a commune's documents newest first, 20 at a time. Without this index
-- PostgreSQL read and sorted the whole table for every page (3 s at 100,000 documents,
-- bench/documents-search.sh); with it the first page is an index range scan.
create index if not exists document_unit_created on document (unit_code, created_at desc, id desc);
