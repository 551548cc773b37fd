-- Digital signatures on documents (Nghị định 30/2020): the leader's personally signed PDF kept from
-- approval until release, and the result of checking the signatures of a released or incoming PDF.
alter table document
  add column leader_signed_pdf bytea,
  add column leader_signed_by  text,
  add column leader_signed_at  timestamptz,
  -- one line per signature: intact|trusted|signing time (ISO)|signer name; empty when not checked
  add column signature_check   text,
  add column signature_summary text;
