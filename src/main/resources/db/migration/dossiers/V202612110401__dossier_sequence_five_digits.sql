-- A commune's 10,000th dossier of a day failed with a server error (the daily number had to fit 4 digits).
-- Codes keep at least four digits (<agency>-YYMMDD-0001) and grow to five from the 10,000th dossier of a day;
-- after 99,999 the submission is refused with a message (NumberingDossier), never a server error.
alter table dossier_sequence drop constraint dossier_sequence_last_number_check;
alter table dossier_sequence add constraint dossier_sequence_last_number_check check (last_number between 1 and 99999);
