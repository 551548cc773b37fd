package vn.xaso.dossiers;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Demo callers of Xã Yên Mô and ready-made dossiers (birth registration 1.001193, marriage 1.000894). */
public final class DossierFixtures {

	public static final String YEN_MO = "14701";
	public static final String BIRTH = "1.001193";
	public static final String MARRIAGE = "1.000894";
	public static final String COPY = "2.000815";
	public static final Caller ONE_STOP = Caller.official(YEN_MO, "yenmo.motcua", "Nguyễn Thị Lan", Set.of(Role.ONE_STOP));
	public static final Caller SPECIALIST = Caller.official(YEN_MO, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));
	public static final Caller LEADER = Caller.official(YEN_MO, "yenmo.chutich", "Đinh Văn Hùng", Set.of(Role.LEADER));
	public static final Caller ADMIN = Caller.official(YEN_MO, "yenmo.admin", "Phạm Thị Hương", Set.of(Role.ADMIN));
	public static final Caller COMMUNITY = Caller.official(YEN_MO, "yenmo.congnghe", "Lê Văn Tú", Set.of(Role.COMMUNITY_TEAM));
	public static final Caller NGA_AN_ONE_STOP = Caller.official("16144", "ngaan.motcua", "Lê Thị Hoa", Set.of(Role.ONE_STOP));

	private DossierFixtures() {
	}

	public static long citizenId(JdbcClient jdbc, String phone) {
		return Tenancy.callAs(UnitScope.systemWide(),
				() -> jdbc.sql("select id from citizen where phone = ?").param(phone).query(Long.class).single());
	}

	public static Caller citizen(JdbcClient jdbc, String phone) {
		return Caller.citizen(citizenId(jdbc, phone), "Công dân " + phone);
	}

	public static Applicant applicant(String phone) {
		return new Applicant("Trần Thị Hoa", "037190001234", phone, "", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
	}

	public static Map<String, String> birthForm(String childName) {
		var f = new LinkedHashMap<String, String>();
		f.put("requesterRelation", "Mẹ");
		f.put("childName", childName);
		f.put("childBirthDate", "2026-11-10");
		f.put("childSex", "Nam");
		f.put("childBirthPlace", "Trạm y tế xã Yên Mô, tỉnh Ninh Bình");
		f.put("childEthnicity", "Kinh");
		f.put("childNationality", "Việt Nam");
		f.put("motherName", "Trần Thị Hoa");
		f.put("fatherName", "Phạm Văn Dũng");
		f.put("pledge", "true");
		return f;
	}

	public static Map<String, String> marriageForm() {
		var f = new LinkedHashMap<String, String>();
		f.put("brideName", "Trần Thị Hoa");
		f.put("brideBirthDate", "1998-05-04");
		f.put("brideCccd", "037198001234");
		f.put("brideEthnicity", "Kinh");
		f.put("brideResidence", "Thôn Bình Hải, xã Yên Mô");
		f.put("groomName", "Phạm Văn Dũng");
		f.put("groomBirthDate", "1996-02-01");
		f.put("groomCccd", "037096004321");
		f.put("groomEthnicity", "Kinh");
		f.put("groomResidence", "Thôn Yên Hòa, xã Yên Mô");
		f.put("firstMarriage", "true");
		f.put("pledge", "true");
		return f;
	}

	public static List<Upload> papers() {
		return List.of(new Upload("to-khai.pdf", pdf(), ""), new Upload("giay-chung-sinh.png", png(), ""),
				new Upload("them.pdf", pdf(), ""));
	}

	public static byte[] pdf() {
		try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] png() {
		try (var out = new ByteArrayOutputStream()) {
			ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A birth registration received at the Yên Mô counter for the citizen with this phone. */
	public static Receipt counter(Dossiers dossiers, JdbcClient jdbc, String phone, String childName) {
		return dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, BIRTH, Channel.COUNTER, citizenId(jdbc, phone), applicant(phone),
				birthForm(childName), null), papers());
	}

	/** A marriage registration (standard workflow) received at the counter. */
	public static Receipt marriage(Dossiers dossiers, JdbcClient jdbc, String phone) {
		return dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, MARRIAGE, Channel.COUNTER, citizenId(jdbc, phone), applicant(phone),
				marriageForm(), null), papers());
	}

	public static Consent consent() {
		return new Consent("Trần Thị Hoa", Consent.Method.IN_PERSON, Instant.now().minusSeconds(60), "Có mặt tại nhà văn hóa thôn");
	}
}
