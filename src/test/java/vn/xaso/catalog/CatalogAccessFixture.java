package vn.xaso.catalog;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/** A procedure only Xã Yên Mô offers, for the access-control harness. */
public class CatalogAccessFixture implements AccessControlFixture {

	public static final String CODE = "XA-14701-901";

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var procedures = context.getBean(Procedures.class);
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			if (procedures.current("14701", CODE).isEmpty()) {
				procedures.publish("14701", localDraft(CODE, "Xác nhận đơn đề nghị hỗ trợ sửa nhà (thủ tục riêng của xã)"),
						"yenmo.admin");
			}
		});
		return Map.of("{yenmo.procedure}", CODE);
	}

	static ProcedureDraft localDraft(String code, String name) {
		return new ProcedureDraft(code, name, "Khác", ProcessingTime.workingDays(5), new FeeSchedule.Free(),
				List.of(new RequiredPaper("DN", "Đơn đề nghị", true, null)),
				new FormDefinition(1, List.of(new FormField("reason", "Lý do", FieldType.TEXTAREA, true, null, 1000, List.of()))),
				OnlineMode.PARTIAL, "confirmation", "Quyết định của UBND xã", "standard", "Thủ tục thử nghiệm của xã");
	}
}
