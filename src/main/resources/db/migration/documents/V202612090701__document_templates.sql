-- Drafting templates of the administrative document types (Nghị định 30/2020/NĐ-CP, Phụ lục III, mục II:
-- Mẫu 1.2 Quyết định, 1.4 văn bản có tên loại, 1.5 Công văn, 1.7 Giấy mời, 1.9 Biên bản). A row with
-- unit_code null is the template every commune starts from; a commune's own row for the same type
-- overrides it. "…" marks what the drafter fills in.
create table document_template (
  id                bigint generated always as identity primary key,
  unit_code         varchar(20),
  type              text not null,
  summary           text not null default '',
  body              text not null check (length(body) between 1 and 50000),
  recipients        text not null default '',
  signer_authority  text not null default '',
  signer_title      text not null default '',
  updated_by        text not null default 'system',
  updated_at        timestamptz not null default now()
);
create unique index document_template_unit_type on document_template (coalesce(unit_code, ''), type);

insert into document_template (type, summary, body, recipients, signer_authority, signer_title) values
('QUYET_DINH', 'Về việc …',
 E'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ …;\nTheo đề nghị của ….\nQUYẾT ĐỊNH:\nĐiều 1. …\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 3. Văn phòng HĐND và UBND xã, … và các cơ quan, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
 'Như Điều 3', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('CONG_VAN', 'V/v …',
 E'Thực hiện …, Ủy ban nhân dân xã … đề nghị … như sau:\n1. …\n2. …\nỦy ban nhân dân xã đề nghị … quan tâm, phối hợp thực hiện./.',
 E'…\nNhư trên', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('THONG_BAO', '…',
 E'Căn cứ …, Ủy ban nhân dân xã thông báo như sau:\n1. …\n2. …\nỦy ban nhân dân xã thông báo để các cơ quan, tổ chức và Nhân dân được biết, thực hiện./.',
 '…', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('BAO_CAO', 'Kết quả …',
 E'Thực hiện …, Ủy ban nhân dân xã báo cáo kết quả … như sau:\nI. KẾT QUẢ THỰC HIỆN\n1. …\n2. …\nII. KHÓ KHĂN, VƯỚNG MẮC\n…\nIII. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\n…\nIV. ĐỀ XUẤT, KIẾN NGHỊ\n…\nTrên đây là báo cáo kết quả … của Ủy ban nhân dân xã./.',
 '…', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('KE_HOACH', 'Thực hiện …',
 E'Căn cứ …, Ủy ban nhân dân xã ban hành Kế hoạch thực hiện … như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích: …\n2. Yêu cầu: …\nII. NỘI DUNG, THỜI GIAN THỰC HIỆN\n1. …\n2. …\nIII. KINH PHÍ THỰC HIỆN\n…\nIV. TỔ CHỨC THỰC HIỆN\n1. …\n2. …\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị báo cáo Ủy ban nhân dân xã (qua Văn phòng) để xem xét, giải quyết./.',
 '…', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('TO_TRINH', 'Về việc …',
 E'Kính gửi: …\nCăn cứ …;\nỦy ban nhân dân xã kính trình … xem xét, quyết định … như sau:\nI. SỰ CẦN THIẾT\n…\nII. NỘI DUNG ĐỀ NGHỊ\n…\nỦy ban nhân dân xã kính trình … xem xét, quyết định./.',
 E'…\nNhư trên', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('GIAY_MOI', 'Dự …',
 E'Ủy ban nhân dân xã trân trọng kính mời: …\nTới dự: …\nChủ trì: …\nThời gian: … giờ … phút, ngày … tháng … năm …\nĐịa điểm: Hội trường Ủy ban nhân dân xã\n…\nRất mong … đến dự đúng thời gian./.',
 'Như thành phần mời', 'TM. Ủy ban nhân dân', 'Chủ tịch'),
('BIEN_BAN', '…',
 E'Thời gian bắt đầu: … giờ … phút, ngày … tháng … năm …\nĐịa điểm: …\nThành phần tham dự: …\nChủ trì (chủ tọa): …\nThư ký (người ghi biên bản): …\nNội dung (theo diễn biến cuộc họp, hội nghị): …\nCuộc họp kết thúc vào … giờ …, ngày … tháng … năm …/.',
 '…', '', 'Chủ tọa');

alter table document_template enable row level security;
alter table document_template force row level security;
-- everyone reads the shared templates; a commune reads and writes only its own overrides
create policy document_template_read on document_template for select
  using (unit_code is null or xaso_unit_visible(unit_code));
create policy document_template_write on document_template for all
  using (unit_code is not null and xaso_unit_visible(unit_code)) with check (unit_code is not null and xaso_unit_visible(unit_code));
