package vn.xaso.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/** A draft and a published notice (with a picture), a schedule entry and a contact of Xã Yên Mô. */
public class PortalAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var posts = context.getBean(Posts.class);
		var info = context.getBean(CommuneInfo.class);
		var leader = new OfficialPrincipal(1, "yenmo.chutich", "Chủ tịch", DemoData.YEN_MO, "Xã Yên Mô", Set.of(Role.LEADER, Role.ADMIN),
				UnitScope.of(DemoData.YEN_MO));
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			long draft = posts.create(leader, new Posts.Draft("notice", "", "Bản nháp kiểm soát truy cập", "", "Nội dung.", null, List.of(),
					Set.of(), false));
			long published = posts.create(leader, new Posts.Draft("notice", "", "Thông báo kiểm soát truy cập", "", "Nội dung.", null,
					List.of(), Set.of(), false));
			long file;
			try {
				file = posts.addAttachment(leader, published, "Ảnh", PortalTests.png());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			posts.publish(leader, published);
			long schedule = info.addSchedule(leader, java.time.LocalDate.of(2026, 11, 23), "08:00", "Chủ tịch UBND xã", "Giao ban", "");
			long contact = info.addContact(leader, 900, "Văn phòng kiểm soát", "Văn phòng", "", false, "");
			return Map.of("{yenmo.portalDraft}", String.valueOf(draft), "{yenmo.portalPost}", String.valueOf(published),
					"{yenmo.portalFile}", String.valueOf(file), "{yenmo.portalSchedule}", String.valueOf(schedule),
					"{yenmo.portalContact}", String.valueOf(contact));
		});
	}
}
