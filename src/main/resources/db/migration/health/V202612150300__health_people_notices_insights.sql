-- Health, issue 20 (second part): campaign lists from the community module's households (people without a phone of a
-- citizen account go on a printed list for the village heads), attendance per person, the station's notices on the
-- portal, the first answer time of each question and who came to an appointment (for the insights counters).

-- A person of a campaign is either a phone of the typed list (person_key null) or a person of a household
-- (person_key = community's id of the person, with name, year, village and household head; phone when reachable).
alter table health_campaign_person alter column phone drop not null;
alter table health_campaign_person add column person_key text check (length(person_key) <= 40),
  add column name text check (length(name) <= 200),
  add column birth_year integer check (birth_year between 1900 and 2100),
  add column village text check (length(village) <= 200),
  add column household text check (length(household) <= 200);
alter table health_campaign_person drop constraint health_campaign_person_campaign_id_phone_key;
create unique index health_campaign_person_phone_uq on health_campaign_person (campaign_id, phone) where person_key is null;
create unique index health_campaign_person_key_uq on health_campaign_person (campaign_id, person_key) where person_key is not null;
alter table health_campaign_person add constraint health_campaign_person_who
  check ((person_key is null and phone is not null) or (person_key is not null and name is not null));

-- The campaign's notice on the commune portal (and on the station's public answers page) while published.
alter table health_campaign add column notice_at timestamptz, add column notice_post_id bigint;

-- When a question was first answered and how many minutes after it was asked (kept once, so the median and the
-- insights counters can be recomputed exactly).
alter table health_question add column first_answered_at timestamptz,
  add column answer_minutes integer check (answer_minutes >= 0);
create index health_question_first_answer_idx on health_question (first_answered_at) where first_answered_at is not null;

-- The doctor's mark on the day list: came (true) or did not come (false); null not marked yet.
alter table health_appointment add column came boolean, add column marked_at timestamptz, add column marked_by text;
