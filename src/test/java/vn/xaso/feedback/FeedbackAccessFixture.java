package vn.xaso.feedback;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/** A Yên Mô report with a (private) photo filed by the access-control citizen, and an Open311 key of Yên Mô. */
public class FeedbackAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var feedback = context.getBean(Feedback.class);
		var keys = context.getBean(Open311Keys.class);
		long citizen = context.getBean(Citizens.class).ensure("0988000003", "Phạm Văn Cường");
		var created = feedback.submit(new Feedback.NewReport(DemoData.YEN_MO, "KHAC", "Phản ánh dùng cho kiểm soát truy cập.", 20.1, 105.98,
				null, "", citizen, false, null, null, null, List.of(FeedbackImages.png(40, 30)), "web", null, null));
		var admin = new FeedbackActor(DemoData.YEN_MO, "yenmo.admin", "Quản trị", Set.of(Role.ADMIN));
		var key = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> keys.create(admin, "Kiểm soát truy cập"));
		var jdbc = context.getBean(JdbcClient.class);
		var tx = context.getBean(TransactionTemplate.class);
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> Map.of(
				"{yenmo.feedback}", String.valueOf(created.id()),
				"{yenmo.feedback.code}", created.code(),
				"{yenmo.feedback.photo}", String.valueOf(jdbc.sql("select id from feedback_photo where report_id = ?").param(created.id())
					.query(Long.class).single()),
				"{yenmo.apikey}", key,
				"{yenmo.apikeyid}", String.valueOf(jdbc.sql("select id from feedback_api_key where prefix = ?").param(key.substring(0, 10))
					.query(Long.class).single()))));
	}
}
