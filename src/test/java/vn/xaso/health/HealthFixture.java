package vn.xaso.health;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.health.internal.AnsweringQuestions;
import vn.xaso.health.internal.AskingTheDoctor;
import vn.xaso.health.internal.BookingAppointments;
import vn.xaso.health.internal.HealthViews;
import vn.xaso.health.internal.StationDays;
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
	public long answered(String phone, String title, boolean publishAndClose, byte[]... photos) {
		var asked = context.getBean(AskingTheDoctor.class).ask(citizen(phone), YEN_MO,
				new AskingTheDoctor.Ask(title, "Cháu nhà tôi 3 tuổi, sốt 38 độ từ hôm qua, vẫn ăn uống được.", true, List.of(photos)));
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

	public List<HealthViews.Photo> photos(String phone, long questionId) {
		return context.getBean(AskingTheDoctor.class).photos(citizen(phone), questionId);
	}

	/** Opens (or sets) the Yên Mô station's half-day {@code daysAhead} days from today with {@code capacity} places. */
	public LocalDate slot(int daysAhead, String session, int capacity) {
		var day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(daysAhead);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> context.getBean(StationDays.class).setCapacity(doctor(YEN_MO, "yenmo.bacsi"), day.toString(),
				session, String.valueOf(capacity)));
		return day;
	}

	/** An appointment of {@code phone} at Yên Mô in the half-day {@code daysAhead} days from today (opened with 20 places). */
	public long appointment(String phone, int daysAhead, String session) {
		var day = slot(daysAhead, session, 20);
		return context.getBean(BookingAppointments.class).book(citizen(phone), YEN_MO,
				new BookingAppointments.Book(String.valueOf(slotId(day, session)), "Khám sức khỏe định kỳ"));
	}

	/** The id of the Yên Mô slot of that day and session. */
	public long slotId(LocalDate day, String session) {
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		var tx = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql("select id from health_slot where unit_code = ? and day = ? and session = ?")
			.params(YEN_MO, java.sql.Date.valueOf(day), session).query(Long.class).single()));
	}

	/** The ids of a campaign's people, by id. */
	public java.util.List<Long> campaignPeople(long campaignId) {
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		var tx = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql("select id from health_campaign_person where campaign_id = ? order by id")
			.param(campaignId).query(Long.class).list()));
	}

	/** A small PNG photo of {@code width} × {@code height} pixels. */
	public static byte[] png(int width, int height) {
		var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new java.awt.Color(200, 80, 60));
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		var out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A Yên Mô campaign of its doctor for the given phones and/or pupils' years of birth. */
	public long campaign(String name, String phones, String fromYear, String toYear) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> context.getBean(RunningCampaigns.class).create(doctor(YEN_MO, "yenmo.bacsi"),
				new RunningCampaigns.NewCampaign(name, "Trạm Y tế xã", "2026-12-20", phones, fromYear, toYear)));
	}
}
