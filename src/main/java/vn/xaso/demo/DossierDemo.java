package vn.xaso.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Upload;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Demo dossiers of Xã Yên Mô in various states (new online, at the counter, assisted, waiting for a supplement,
 * awaiting approval, returned with a signed result and a rating), so that the pages and the dashboard have data.
 * Runs after {@link DemoData} under the same condition; does nothing when Yên Mô already has dossiers.
 */
@Component
@Order(110)
public class DossierDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DossierDemo.class);
	private static final String UNIT = DemoData.YEN_MO;
	private static final Caller ONE_STOP = Caller.official(UNIT, "yenmo.motcua", "Nguyễn Thị Lan", Set.of(Role.ONE_STOP));
	private static final Caller SPECIALIST = Caller.official(UNIT, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));
	private static final Caller LEADER = Caller.official(UNIT, "yenmo.chutich", "Đinh Văn Hùng", Set.of(Role.LEADER));
	private static final Caller COMMUNITY = Caller.official(UNIT, "yenmo.congnghe", "Lê Văn Tú", Set.of(Role.COMMUNITY_TEAM));

	private final Environment env;
	private final Dossiers dossiers;
	private final TransactionTemplate tx;
	private final Citizens citizens;
	private final vn.xaso.dossiers.Results results;

	DossierDemo(Environment env, Dossiers dossiers, PlatformTransactionManager transactions, Citizens citizens,
			vn.xaso.dossiers.Results results) {
		this.citizens = citizens;
		this.env = env;
		this.results = results;
		this.dossiers = dossiers;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			load();
		}
	}

	/** Adds the demo dossiers unless Yên Mô has some already; returns how many were added. */
	public int load() {
		// through the dossiers' API, not their table: stats run in the caller's scope (the demo commune's here)
		long present = Tenancy.callAs(UnitScope.of(UNIT), () -> tx.execute(s -> dossiers.stats(UNIT, java.time.LocalDate.of(2000, 1, 1),
				java.time.LocalDate.now().plusDays(1)).total()));
		if (present > 0) {
			return 0;
		}
		var an = citizen("0988000001");
		var binh = citizen("0988000002");
		var cuong = citizen("0988000003");
		int added = 0;
		try {
			// 1. a birth registration submitted online, waiting at the one-stop desk
			dossiers.submit(Caller.citizen(an, "Nguyễn Văn An"), new NewDossier(UNIT, "1.001193", Channel.ONLINE, null,
					applicant("Nguyễn Văn An", "037090001111", "0988000001"), birth("Nguyễn Minh Khang", "Cha", "Trần Thị Thu", "Nguyễn Văn An"), null),
					papers());
			added++;
			// 2. a birth registration received at the counter (same-day workflow: being processed)
			dossiers.submit(ONE_STOP, new NewDossier(UNIT, "1.001193", Channel.COUNTER, binh,
					applicant("Trần Thị Bình", "037195002222", "0988000002"), birth("Lê Bảo Ngọc", "Mẹ", "Trần Thị Bình", "Lê Văn Hải"), null),
					papers());
			added++;
			// 3. assisted by the community team for an elderly villager, waiting for a supplement
			var assisted = dossiers.submit(COMMUNITY, new NewDossier(UNIT, "1.000894", Channel.ASSISTED, cuong,
					applicant("Phạm Văn Cường", "037096003333", "0988000003"), marriage(), new Consent("Phạm Văn Cường",
							Consent.Method.IN_PERSON, Instant.now().minusSeconds(600), "Đồng ý trực tiếp tại nhà văn hóa thôn Yên Hòa")),
					papers());
			var d = dossiers.find(ONE_STOP, assisted.dossierId()).orElseThrow();
			d = dossiers.act(ONE_STOP, d.id(), ActionRequest.of("receive", d.version(), ""));
			dossiers.act(ONE_STOP, d.id(), ActionRequest.of("request_supplement", d.version(),
					"Bổ sung bản chụp Giấy xác nhận tình trạng hôn nhân của bên nữ."));
			added++;
			// 4. a marriage registration at the counter, processed and awaiting the chairman's approval
			var waiting = dossiers.submit(ONE_STOP, new NewDossier(UNIT, "1.000894", Channel.COUNTER, binh,
					applicant("Trần Thị Bình", "037195002222", "0988000002"), marriage(), null), papers());
			d = dossiers.find(ONE_STOP, waiting.dossierId()).orElseThrow();
			d = dossiers.act(ONE_STOP, d.id(), new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
			dossiers.act(SPECIALIST, d.id(), ActionRequest.of("propose", d.version(), "Hồ sơ đủ điều kiện, đề nghị lãnh đạo duyệt."));
			added++;
			// 5. a marriage registration submitted online, signed, returned online and rated
			var done = dossiers.submit(Caller.citizen(an, "Nguyễn Văn An"), new NewDossier(UNIT, "1.000894", Channel.ONLINE, null,
					applicant("Nguyễn Văn An", "037090001111", "0988000001"), marriage(), null), papers());
			d = dossiers.find(ONE_STOP, done.dossierId()).orElseThrow();
			d = dossiers.act(ONE_STOP, d.id(), ActionRequest.of("receive", d.version(), ""));
			d = dossiers.act(ONE_STOP, d.id(), new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
			d = dossiers.act(SPECIALIST, d.id(), ActionRequest.of("propose", d.version(), ""));
			d = dossiers.act(LEADER, d.id(), new ActionRequest("approve", d.version(), "", null, null, null,
					DemoData.SIGNING_PASSWORD.toCharArray(), null, List.of()));
			results.seal(ONE_STOP, d.id(), DemoData.SIGNING_PASSWORD.toCharArray()); // seal before the desk (issue 21)
			d = dossiers.act(ONE_STOP, d.id(), ActionRequest.of("release", d.version(), ""));
			dossiers.act(ONE_STOP, d.id(), new ActionRequest("return", d.version(), "", null, "ONLINE", null, null, null, List.of()));
			dossiers.rate(Caller.citizen(an, "Nguyễn Văn An"), d.id(), 5, "Cán bộ hướng dẫn tận tình, trả kết quả sớm.");
			added++;
		}
		catch (RuntimeException e) {
			log.warn("Demo dossiers stopped after {}: {}", added, e.toString());
		}
		log.info("Demo dossiers of Xã Yên Mô: {} added", added);
		return added;
	}

	private long citizen(String phone) {
		return citizens.idByPhone(phone).orElseThrow();
	}

	private static Applicant applicant(String name, String cccd, String phone) {
		return new Applicant(name, cccd, phone, "", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình");
	}

	private static Map<String, String> birth(String child, String relation, String mother, String father) {
		var f = new LinkedHashMap<String, String>();
		f.put("requesterRelation", relation);
		f.put("childName", child);
		f.put("childBirthDate", "2026-11-15");
		f.put("childSex", "Nam");
		f.put("childBirthPlace", "Trạm y tế xã Yên Mô, tỉnh Ninh Bình");
		f.put("childEthnicity", "Kinh");
		f.put("childNationality", "Việt Nam");
		f.put("motherName", mother);
		f.put("fatherName", father);
		f.put("pledge", "true");
		return f;
	}

	private static Map<String, String> marriage() {
		var f = new LinkedHashMap<String, String>();
		f.put("brideName", "Đinh Thị Hạnh");
		f.put("brideBirthDate", "1999-03-12");
		f.put("brideCccd", "037199004444");
		f.put("brideEthnicity", "Kinh");
		f.put("brideResidence", "Thôn Bình Hải, xã Yên Mô");
		f.put("groomName", "Vũ Văn Long");
		f.put("groomBirthDate", "1997-07-20");
		f.put("groomCccd", "037097005555");
		f.put("groomEthnicity", "Kinh");
		f.put("groomResidence", "Thôn Quảng Phúc, xã Yên Mô");
		f.put("firstMarriage", "true");
		f.put("pledge", "true");
		return f;
	}

	private static List<Upload> papers() {
		return List.of(new Upload("to-khai.pdf", DemoPdf.ONE_PAGE, ""), new Upload("giay-to-kem-theo.pdf", DemoPdf.ONE_PAGE, ""));
	}

	/** A one-page blank PDF standing for a scanned paper. */
	static final class DemoPdf {

		static final byte[] ONE_PAGE = make();

		private static byte[] make() {
			try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
				doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
				doc.save(out);
				return out.toByteArray();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}
}
