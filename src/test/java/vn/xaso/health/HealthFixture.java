package vn.xaso.health;

import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.health.internal.AnsweringQuestions;
import vn.xaso.health.internal.AskingTheDoctor;
import vn.xaso.health.internal.RunningCampaigns;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Citizens, doctors and questions for the health tests, made through the use cases. */
public final class HealthFixture {

	public static final String YEN_MO = "14701";
	public static final String NGA_AN = "16144";

	private final ApplicationContext context;

	public HealthFixture(ApplicationContext context) {
		this.context = context;
	}

	public CitizenPrincipal citizen(String phone) {
		long id = Tenancy.callAs(UnitScope.systemWide(), () -> context.getBean(Citizens.class).ensure(phone, "Người dân " + phone.substring(6)));
		return new CitizenPrincipal(id, "Người dân " + phone.substring(6), "09******" + phone.substring(8));
	}

	public static OfficialPrincipal doctor(String unit, String username) {
		return new OfficialPrincipal(0, username, "Bác sĩ " + username, unit, unit, Set.of(Role.DOCTOR), UnitScope.of(unit));
	}

	/** A question of {@code phone} to the Yên Mô station, answered by its doctor; published and closed when asked. */
	public long answered(String phone, String title, boolean publishAndClose) {
		var asked = context.getBean(AskingTheDoctor.class).ask(citizen(phone), YEN_MO,
				new AskingTheDoctor.Ask(title, "Cháu nhà tôi 3 tuổi, sốt 38 độ từ hôm qua, vẫn ăn uống được.", true));
		var doctor = doctor(YEN_MO, "yenmo.bacsi");
		var answering = context.getBean(AnsweringQuestions.class);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> {
			answering.answer(doctor, asked.id(), "Cho cháu uống đủ nước, hạ sốt bằng paracetamol theo cân nặng; sốt quá 3 ngày thì đưa đến trạm.");
			if (publishAndClose) {
				answering.publish(doctor, asked.id());
				answering.close(doctor, asked.id());
			}
		});
		return asked.id();
	}

	/** A Yên Mô campaign of its doctor for the given phones and/or pupils' years of birth. */
	public long campaign(String name, String phones, String fromYear, String toYear) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> context.getBean(RunningCampaigns.class).create(doctor(YEN_MO, "yenmo.bacsi"),
				new RunningCampaigns.NewCampaign(name, "Trạm Y tế xã", "2026-12-20", phones, fromYear, toYear)));
	}
}
