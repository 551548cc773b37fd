-- Generates :n realistic documents for commune 14701 (Yên Mô) in ten past years (2016–2025), run
-- by bench/documents-search.sh as the database owner (postgres) on the app's embedded database.
-- 60 % outgoing and released (numbered in the outgoing register), 40 % incoming (registered,
-- assigned or done, numbered in the incoming register); numbers are consecutive per register and
-- year, so the unique constraint and the released/numbered checks hold. Rows are inserted once and
-- never updated (the immutability trigger fires only on update/delete). pdf stays null; pdf_text
-- holds what a rendered PDF's text would be (header, summary, body, signer block).
-- A rare word: "lũ quét" (flash flood) is in about 0.2 % of the documents; nothing else folds to "quet".
select setseed(0.42);

create temporary table w (k text primary key, v text[]);
insert into w values
 ('type', array['QUYET_DINH','QUYET_DINH','QUYET_DINH','CONG_VAN','CONG_VAN','CONG_VAN','THONG_BAO','THONG_BAO','BAO_CAO','BAO_CAO','KE_HOACH','KE_HOACH','TO_TRINH','GIAY_MOI','BIEN_BAN','NGHI_QUYET','CHI_THI','HUONG_DAN','KHAC']),
 ('label_QUYET_DINH', array['Quyết định']), ('label_CONG_VAN', array['Công văn']), ('label_THONG_BAO', array['Thông báo']),
 ('label_BAO_CAO', array['Báo cáo']), ('label_KE_HOACH', array['Kế hoạch']), ('label_TO_TRINH', array['Tờ trình']),
 ('label_GIAY_MOI', array['Giấy mời']), ('label_BIEN_BAN', array['Biên bản']), ('label_NGHI_QUYET', array['Nghị quyết']),
 ('label_CHI_THI', array['Chỉ thị']), ('label_HUONG_DAN', array['Hướng dẫn']), ('label_KHAC', array['Văn bản']),
 ('abbr_QUYET_DINH', array['QĐ']), ('abbr_CONG_VAN', array['']), ('abbr_THONG_BAO', array['TB']), ('abbr_BAO_CAO', array['BC']),
 ('abbr_KE_HOACH', array['KH']), ('abbr_TO_TRINH', array['TTr']), ('abbr_GIAY_MOI', array['GM']), ('abbr_BIEN_BAN', array['BB']),
 ('abbr_NGHI_QUYET', array['NQ']), ('abbr_CHI_THI', array['CT']), ('abbr_HUONG_DAN', array['HD']), ('abbr_KHAC', array['']),
 ('action', array['công nhận','phê duyệt','ban hành','thành lập','kiện toàn','giao chỉ tiêu','điều chỉnh','hỗ trợ','khen thưởng',
   'triển khai','tổ chức','cấp','thu hồi','xử phạt vi phạm hành chính về','đề nghị bổ sung','hướng dẫn thực hiện','tăng cường công tác',
   'báo cáo kết quả','kiểm tra','giải quyết kiến nghị về']),
 ('subject', array['kết quả đăng ký khai sinh','đăng ký kết hôn','đăng ký khai tử','trích lục hộ tịch','danh sách hộ nghèo, hộ cận nghèo',
   'kế hoạch sử dụng đất','đối tượng bảo trợ xã hội','Ban chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn','tổ hòa giải ở cơ sở',
   'tiêm chủng mở rộng','dự toán ngân sách xã','giấy chứng nhận quyền sử dụng đất','đường giao thông nông thôn','chuyển đổi số cộng đồng',
   'phong trào toàn dân đoàn kết xây dựng đời sống văn hóa','Tết trồng cây','lễ hội truyền thống','gia đình văn hóa',
   'thu gom rác thải sinh hoạt','nạo vét kênh mương nội đồng','gieo cấy lúa vụ xuân','phòng, chống dịch tả lợn châu Phi',
   'tuyển chọn và gọi công dân nhập ngũ','chi trả trợ cấp người có công','cấp căn cước công dân','xây dựng nông thôn mới nâng cao',
   'quản lý trật tự xây dựng','an toàn thực phẩm','bầu cử trưởng thôn','phổ cập giáo dục']),
 ('place', array['thôn Yên Hòa','thôn Bình Hải','thôn Quảng Phúc','tổ dân phố Yên Thịnh','thôn Yên Thổ','thôn Quảng Thượng',
   'thôn Bình Hòa','thôn Yên Phú','toàn xã','các thôn, tổ dân phố']),
 ('family', array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đinh','Bùi','Đỗ','Mai','Ngô','Đặng','Lương','Tạ']),
 ('middle', array['Văn','Thị','Đức','Minh','Thanh','Ngọc','Hữu','Xuân','Quang','Thu']),
 ('given', array['An','Bình','Cường','Dung','Giang','Hà','Hải','Hằng','Hùng','Hương','Lan','Long','Mai','Minh','Nam','Ngân',
   'Phúc','Quân','Sơn','Tâm','Thảo','Trang','Tuấn','Việt','Yến']),
 ('issuer', array['UBND tỉnh Ninh Bình','Sở Tư pháp tỉnh Ninh Bình','Sở Nội vụ','Sở Tài nguyên và Môi trường','Sở Y tế',
   'Sở Nông nghiệp và Môi trường','Công an tỉnh Ninh Bình','Bảo hiểm xã hội tỉnh','Ban Chỉ huy Quân sự tỉnh','Sở Giáo dục và Đào tạo',
   'Kho bạc Nhà nước khu vực','Văn phòng UBND tỉnh']),
 ('sentence', array[
   'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
   'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014 và Nghị định số 123/2015/NĐ-CP của Chính phủ;',
   'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
   'Theo đề nghị của công chức Văn phòng - Thống kê và công chức Tư pháp - Hộ tịch.',
   'Ủy ban nhân dân xã đề nghị các thôn, tổ dân phố phổ biến rộng rãi đến từng hộ gia đình.',
   'Quyết định này có hiệu lực kể từ ngày ký.',
   'Giao công chức chuyên môn theo dõi, đôn đốc và tổng hợp báo cáo kết quả trước ngày 25 hằng tháng.',
   'Kinh phí thực hiện từ nguồn ngân sách xã và các nguồn huy động hợp pháp khác.',
   'Trưởng các thôn, tổ dân phố và các cá nhân có liên quan chịu trách nhiệm thi hành.',
   'Trong quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời báo cáo Ủy ban nhân dân xã để xem xét, giải quyết.',
   'Thời gian: 08 giờ 00 phút, tại hội trường Ủy ban nhân dân xã.',
   'Thành phần gồm đại diện Đảng ủy, Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc và các đoàn thể.',
   'Tổng số hồ sơ tiếp nhận trong kỳ là 126 hồ sơ, đã giải quyết đúng hạn 124 hồ sơ, đạt tỷ lệ 98,4%.',
   'Công dân đến làm thủ tục mang theo căn cước và các giấy tờ có liên quan.',
   'Đề nghị Bộ phận Một cửa tiếp nhận, hướng dẫn và trả kết quả đúng thời hạn quy định.',
   'Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định.',
   'Diện tích gieo cấy đạt 100% kế hoạch, năng suất ước đạt 62 tạ/ha.',
   'Ủy ban nhân dân xã trân trọng kính mời đồng chí đến dự đầy đủ, đúng giờ.'
 ]);

create temporary table gen as
select g,
       2016 + (g - 1) / (:n / 10) as year,
       (g - 1) % (:n / 10) as k,
       (select v from w where k = 'type') as types
from generate_series(1, :n) g;

insert into document (unit_code, direction, type, status, summary, body, recipients, place_name, signer_name, signer_title,
                      signer_authority, register_year, number, number_symbol, issued_on, released_at, issuer, original_number,
                      original_date, urgency, page_count, received_on, deadline, done_at, pdf_text, created_by, created_at, updated_at)
select '14701', d.direction, d.type, d.status, d.summary, d.body,
       case when d.direction = 'out' then E'Như Điều 3;\nUBND tỉnh Ninh Bình (để b/c);\nLưu: VT.' else '' end,
       'Yên Mô', d.signer, case when d.direction = 'out' then 'CHỦ TỊCH' else '' end,
       case when d.direction = 'out' then 'TM. ỦY BAN NHÂN DÂN' else '' end,
       d.year, d.number,
       case when d.direction = 'out' then lpad(d.number::text, 2, '0') || '/' || coalesce(nullif(d.abbr, '') || '-UBND', 'UBND-VP') else null end,
       case when d.direction = 'out' then d.day end,
       case when d.direction = 'out' then (d.day + time '09:30') at time zone 'Asia/Ho_Chi_Minh' end,
       case when d.direction = 'in' then d.issuer else '' end,
       case when d.direction = 'in' then (1 + d.number % 900)::text || '/' || coalesce(nullif(d.abbr, '') || '-', '') || 'UBND' else '' end,
       case when d.direction = 'in' then d.day - 2 end,
       (array['thuong','thuong','thuong','thuong','khan','hoa_toc'])[1 + d.number % 6],
       1 + d.number % 4,
       case when d.direction = 'in' then d.day end,
       case when d.direction = 'in' and d.status <> 'registered' then d.day + 10 end,
       case when d.status = 'done' then (d.day + time '15:00' + interval '7 days') at time zone 'Asia/Ho_Chi_Minh' end,
       'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ' ||
         case when d.direction = 'out' then 'ỦY BAN NHÂN DÂN XÃ YÊN MÔ' else upper(d.issuer) end ||
         ' Yên Mô, ngày ' || to_char(d.day, 'DD') || ' tháng ' || to_char(d.day, 'FMMM') || ' năm ' || d.year || ' ' ||
         upper(d.label) || ' ' || d.summary || ' ' || d.body || ' ' || d.signer,
       case when d.direction = 'out' then 'yenmo.vanthu' else 'yenmo.vanthu' end,
       ((d.day + time '08:00') at time zone 'Asia/Ho_Chi_Minh') + (d.k % 97) * interval '1 minute',
       ((d.day + time '08:00') at time zone 'Asia/Ho_Chi_Minh') + (d.k % 97) * interval '1 minute'
from (
  select x.*,
         (select v[1] from w where w.k = 'label_' || x.type) as label,
         (select v[1] from w where w.k = 'abbr_' || x.type) as abbr,
         make_date(x.year, 1, 1) + (x.k * 365 / (:n / 10)) as day,
         -- summary: "Quyết định về việc công nhận kết quả đăng ký khai sinh thôn Yên Hòa"
         (select v[1] from w where w.k = 'label_' || x.type) || ' về việc ' ||
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'action' and x.g > 0) || ' ' ||
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'subject' and x.g > 0) || ' ' ||
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'place' and x.g > 0) ||
           case when x.g % 500 = 7 then ' do lũ quét gây ra' else '' end as summary,
         (select string_agg(v[1 + floor(random() * array_length(v, 1))::int], ' ')
            from w, generate_series(1, 4 + x.g % 5) s where w.k = 'sentence' and x.g > 0) ||
           ' Ông (bà) ' || (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'family' and x.g > 0) || ' ' ||
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'middle' and x.g > 0) || ' ' ||
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'given' and x.g > 0) ||
           ', ' || (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'place' and x.g > 0) || '.' as body,
         (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'issuer' and x.g > 0) as issuer,
         case when x.direction = 'out' then 'Đinh Văn Hùng' else
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'family' and x.g > 0) || ' Văn ' ||
           (select v[1 + floor(random() * array_length(v, 1))::int] from w where w.k = 'given' and x.g > 0) end as signer
  from (
    select gen.*,
           types[1 + (g * 7919) % array_length(types, 1)] as type,
           case when k % 5 < 3 then 'out' else 'in' end as direction,
           case when k % 5 < 3 then 'released' else (array['registered','assigned','done','done'])[1 + (g / 5) % 4] end as status,
           case when k % 5 < 3 then (k / 5) * 3 + k % 5 + 1 else (k / 5) * 2 + k % 5 - 3 + 1 end as number
    from gen) x
) d
order by d.g;

-- Keep the registers' counters in step, so numbering in the app continues after the generated rows.
insert into document_counter (unit_code, register, year, last_number)
select unit_code, case direction when 'out' then 'di' else 'den' end, register_year, max(number)
from document where unit_code = '14701' and register_year is not null group by 1, 2, 3
on conflict (unit_code, register, year) do update set last_number = greatest(document_counter.last_number, excluded.last_number);

analyze document;
