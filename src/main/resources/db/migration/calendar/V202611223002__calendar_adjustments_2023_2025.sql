-- Announced adjustments where the official days off differ from the Điều 112 baseline
-- (last day of the lunar year + mùng 1–4, 1/9 as the day next to 2/9, nghỉ bù after weekends).
-- Only days that could be checked against published reports are included; see docs/modules/calendar.md.
--
-- 2023 Tết Quý Mão: official days off 20/1–26/1/2023 (7 days, from 29 tháng Chạp), per the Prime
-- Minister's decision reported by VnExpress (investinquangninh.vn/vi/news/viet-nam-nghi-tet-7-ngay.html).
-- Baseline gives 21/1–27/1 (27/1 as nghỉ bù), so: 20/1 off, 27/1 working.
insert into calendar_adjustment (year, date, kind, note_vi, created_by) values
  (2023, '2023-01-20', 'day_off',     'Nghỉ Tết Quý Mão 20/1–26/1/2023 (29 tháng Chạp) theo quyết định của Thủ tướng', 'migration'),
  (2023, '2023-01-27', 'working_day', 'Đi làm: kỳ nghỉ Tết Quý Mão kết thúc 26/1/2023 theo quyết định của Thủ tướng', 'migration');

-- 2025 Tết Ất Tỵ: 9 days off 25/1–2/2/2025 (Văn bản 8726/VPCP-KGVX of 26/11/2024; reported by pld.net.vn
-- and tet-amlich.com). Baseline gives 28/1–1/2 plus nghỉ bù on Monday 3/2, so: 27/1 off, 3/2 working.
-- 2025 30/4–1/5: 30/4–4/5 off, Friday 2/5 swapped with Saturday 26/4 (same sources).
-- 2025 Quốc khánh 30/8–2/9 and 2026 Tết (16/2–20/2) match the baseline: nothing to record.
insert into calendar_adjustment (year, date, kind, note_vi, created_by) values
  (2025, '2025-01-27', 'day_off',     'Nghỉ Tết Ất Tỵ 25/1–2/2/2025 theo Văn bản 8726/VPCP-KGVX', 'migration'),
  (2025, '2025-02-03', 'working_day', 'Đi làm: kỳ nghỉ Tết Ất Tỵ kết thúc 2/2/2025 theo Văn bản 8726/VPCP-KGVX', 'migration'),
  (2025, '2025-05-02', 'day_off',     'Nghỉ 2/5/2025, hoán đổi sang làm bù thứ Bảy 26/4/2025', 'migration'),
  (2025, '2025-04-26', 'working_day', 'Làm bù cho ngày nghỉ 2/5/2025', 'migration');
