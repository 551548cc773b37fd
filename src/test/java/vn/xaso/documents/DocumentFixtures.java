package vn.xaso.documents;

import java.util.Set;

import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Actors of the demo communes and a quick way to get a document to a given state. */
final class DocumentFixtures {

	static final Actor CLERK = new Actor("14701", "yenmo.vanthu", "Văn thư Yên Mô", Set.of(Role.CLERK));
	static final Actor LEADER = new Actor("14701", "yenmo.chutich", "Chủ tịch Yên Mô", Set.of(Role.LEADER));
	static final Actor SPECIALIST = new Actor("14701", "yenmo.tuphap", "Tư pháp Yên Mô", Set.of(Role.SPECIALIST));
	static final Actor NGA_AN_CLERK = new Actor("16144", "ngaan.vanthu", "Văn thư Nga An", Set.of(Role.CLERK, Role.LEADER));

	private DocumentFixtures() {
	}

	static Documents.Draft draft(DocumentType type, String summary) {
		return new Documents.Draft(type, summary,
				"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nỦy ban nhân dân xã thông báo nội dung như sau.",
				"Như Điều 3\nThường trực Đảng ủy xã", "", "Nguyễn Văn An", "Chủ tịch", "TM. Ủy ban nhân dân");
	}

	static long approved(Documents documents, Actor drafter, Actor leader, Documents.Draft draft) {
		return Tenancy.callAs(UnitScope.of(drafter.unitCode()), () -> {
			long id = documents.draft(drafter, draft);
			documents.submit(drafter, id);
			documents.approve(leader, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			return id;
		});
	}
}
