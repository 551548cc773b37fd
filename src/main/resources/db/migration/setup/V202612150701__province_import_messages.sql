-- A checked onboarding file keeps each row's problems and remark as messages (setup bundle key and arguments, said in
-- the reader's language: setup.internal.ProvinceStore.Message), no longer in Vietnamese words. Files checked before
-- keep their words as the argument of setup.text.asWritten ("{0}"), shown as they are.
select set_config('app.units', '*', true);

update province_import i
set rows = (
  select coalesce(jsonb_agg(
           (x.r - 'problems' - 'remark')
           || jsonb_build_object(
                'problemMessages',
                coalesce((select jsonb_agg(jsonb_build_object('key', 'setup.text.asWritten', 'args', jsonb_build_array(p)))
                          from jsonb_array_elements_text(coalesce(x.r -> 'problems', '[]'::jsonb)) as p), '[]'::jsonb),
                'remarkMessage',
                case when x.r ->> 'remark' is null then 'null'::jsonb
                     else jsonb_build_object('key', 'setup.text.asWritten', 'args', jsonb_build_array(x.r ->> 'remark')) end)
           order by x.ord), '[]'::jsonb)
  from jsonb_array_elements(i.rows) with ordinality as x(r, ord))
where exists (select 1 from jsonb_array_elements(i.rows) as e(r) where e.r ? 'problems');
