package vn.xaso.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity.HolderKind;
import vn.xaso.units.Villages;

/**
 * Loads the demo communes when {@code xaso.demo.load=true} (the README's run command sets it) or
 * with the {@code demo} command. Every step looks first and only adds what is missing.
 */
@Component
@Order(100)
public class DemoData implements ApplicationRunner {

	public static final String PASSWORD = "XaSo-2026-demo";
	public static final String YEN_MO = "14701";
	public static final String NGA_AN = "16144";
	public static final String NINH_BINH = "37";
	/** Password of every demo signing identity (PKCS#12, self-issued certificates: demonstration only). */
	public static final String SIGNING_PASSWORD = "KySo-2026-demo";

	/** unit, holder kind, holder name, official username (personal only), organisation. */
	record DemoSigningIdentity(String unit, HolderKind kind, String holderName, String username, String organisation) {
	}

	static final List<DemoSigningIdentity> SIGNING_IDENTITIES = List.of(
			new DemoSigningIdentity(YEN_MO, HolderKind.OFFICIAL, "Đinh Văn Hùng", "yenmo.chutich", "UBND Xã Yên Mô"),
			new DemoSigningIdentity(YEN_MO, HolderKind.ORGANISATION, "UBND Xã Yên Mô", null, "UBND Xã Yên Mô"),
			new DemoSigningIdentity(NGA_AN, HolderKind.ORGANISATION, "UBND Xã Nga An", null, "UBND Xã Nga An"));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** username, unit, full name, title, phone, roles, village (index into the unit's villages, -1 none). */
	record DemoOfficial(String username, String unit, String fullName, String title, String phone, Set<Role> roles,
			int village) {
	}

	static final List<DemoOfficial> OFFICIALS = List.of(
			new DemoOfficial("yenmo.admin", YEN_MO, "Phạm Thị Hương", "Công chức Văn phòng - Thống kê (quản trị hệ thống)", "0912000101", Set.of(Role.ADMIN), -1),
			new DemoOfficial("yenmo.chutich", YEN_MO, "Đinh Văn Hùng", "Chủ tịch UBND xã", "0912000102", Set.of(Role.LEADER), -1),
			new DemoOfficial("yenmo.motcua", YEN_MO, "Nguyễn Thị Lan", "Công chức Một cửa", "0912000103", Set.of(Role.ONE_STOP), -1),
			new DemoOfficial("yenmo.tuphap", YEN_MO, "Trần Văn Minh", "Công chức Tư pháp - Hộ tịch", "0912000104", Set.of(Role.SPECIALIST), -1),
			new DemoOfficial("yenmo.vanthu", YEN_MO, "Vũ Thị Mai", "Văn thư", "0912000105", Set.of(Role.CLERK), -1),
			new DemoOfficial("yenmo.congnghe", YEN_MO, "Lê Văn Tú", "Tổ trưởng Tổ công nghệ số cộng đồng", "0912000106", Set.of(Role.COMMUNITY_TEAM), -1),
			new DemoOfficial("yenmo.truongthon", YEN_MO, "Hoàng Văn Bình", "Trưởng thôn", "0912000107", Set.of(Role.VILLAGE_HEAD), 0),
			new DemoOfficial("yenmo.htx", YEN_MO, "Vũ Thị Hạnh", "Giám đốc HTX Nông nghiệp Yên Hòa", "0912000109", Set.of(Role.PRODUCER), -1),
			new DemoOfficial("yenmo.bacsi", YEN_MO, "Nguyễn Thị Thu", "Bác sĩ Trạm Y tế xã", "0912000113", Set.of(Role.DOCTOR), -1),
			new DemoOfficial("yenmo.giaovien", YEN_MO, "Trần Thị Hoa", "Giáo viên chủ nhiệm, Trường Tiểu học Yên Mô", "0912000114", Set.of(Role.TEACHER), -1),
			new DemoOfficial("yenmo.congan", YEN_MO, "Đặng Văn Cường", "Trưởng Công an xã", "0912000115", Set.of(Role.POLICE_POST), -1),
			new DemoOfficial("ngaan.bacsi", NGA_AN, "Lê Văn Đức", "Bác sĩ Trạm Y tế xã", "0912000205", Set.of(Role.DOCTOR), -1),
			new DemoOfficial("ninhbinh.tinh", NINH_BINH, "Bùi Thị Thu", "Chuyên viên Sở Khoa học và Công nghệ", "0912000108", Set.of(Role.PROVINCE_VIEWER), -1),
			new DemoOfficial("ninhbinh.quantri", NINH_BINH, "Trịnh Minh Quang", "Quản trị hệ thống, Sở Khoa học và Công nghệ", "0912000110", Set.of(Role.ADMIN, Role.PROVINCE_VIEWER), -1),
			new DemoOfficial("ninhbinh.trienkhai", NINH_BINH, "Đỗ Văn Khánh", "Triển khai XaSo, Sở Khoa học và Công nghệ", "0912000112", Set.of(Role.PROVINCE_ADMIN), -1),
			new DemoOfficial("quocgia.lich", NINH_BINH, "Trịnh Thị Ngọc", "Quản trị lịch làm việc quốc gia (tài khoản thử)", "0912000111", Set.of(Role.NATIONAL_ADMIN), -1),
			new DemoOfficial("ngaan.admin", NGA_AN, "Mai Văn Sơn", "Công chức Văn phòng - Thống kê (quản trị hệ thống)", "0912000201", Set.of(Role.ADMIN), -1),
			new DemoOfficial("ngaan.motcua", NGA_AN, "Lê Thị Hoa", "Công chức Một cửa", "0912000202", Set.of(Role.ONE_STOP), -1),
			new DemoOfficial("ngaan.chutich", NGA_AN, "Lê Văn Thắng", "Chủ tịch UBND xã", "0912000203", Set.of(Role.LEADER), -1),
			new DemoOfficial("ngaan.vanthu", NGA_AN, "Đỗ Thị Nhung", "Văn thư", "0912000204", Set.of(Role.CLERK), -1));

	static final List<String[]> VILLAGES = List.of(
			new String[] { YEN_MO, "Thôn", "Yên Hòa" }, new String[] { YEN_MO, "Thôn", "Bình Hải" },
			new String[] { YEN_MO, "Thôn", "Quảng Phúc" }, new String[] { YEN_MO, "Tổ dân phố", "Yên Thịnh" },
			new String[] { NGA_AN, "Thôn", "An Ninh" }, new String[] { NGA_AN, "Thôn", "An Thái" });

	static final List<String[]> CITIZENS = List.of(new String[] { "0988000001", "Nguyễn Văn An" },
			new String[] { "0988000002", "Trần Thị Bình" }, new String[] { "0988000003", "Phạm Văn Cường" });

	private final Environment env;
	private final Villages villages;
	private final Accounts accounts;
	private final Citizens citizens;
	private final SigningIdentities signingIdentities;

	DemoData(Environment env, Villages villages, Accounts accounts, Citizens citizens, SigningIdentities signingIdentities) {
		this.env = env;
		this.villages = villages;
		this.accounts = accounts;
		this.citizens = citizens;
		this.signingIdentities = signingIdentities;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (env.getProperty("xaso.demo.load", Boolean.class, false) || "demo".equals(System.getProperty("xaso.command"))) {
			load();
		}
	}

	/** Adds whatever part of the demo is missing; returns how many things were added. */
	public int load() {
		int added = 0;
		for (var v : VILLAGES) {
			var commune = v[0];
			var exists = villages.list(commune).stream().anyMatch(existing -> existing.name().equals(v[2]));
			if (!exists) {
				Tenancy.runAs(UnitScope.of(commune), () -> villages.create(commune, v[2], v[1]));
				added++;
			}
		}
		for (var o : OFFICIALS) {
			var present = Tenancy.callAs(UnitScope.of(o.unit()),
					() -> accounts.list(o.unit(), o.username(), 0, 50).items().stream().anyMatch(a -> a.username().equals(o.username())));
			if (!present) {
				String village = null;
				if (o.village() >= 0) {
					village = villages.list(o.unit()).get(o.village()).code();
				}
				var villageCode = village;
				Tenancy.runAs(UnitScope.of(o.unit()), () -> accounts.create(o.unit(), new Accounts.NewOfficial(o.username(),
						o.fullName(), o.title(), o.phone(), null, o.roles(), villageCode, PASSWORD)));
				added++;
			}
		}
		for (var c : CITIZENS) {
			citizens.ensure(c[0], c[1]);
		}
		for (var i : SIGNING_IDENTITIES) {
			var present = Tenancy.callAs(UnitScope.of(i.unit()), () -> signingIdentities.list(i.unit()).stream()
				.anyMatch(e -> e.active() && e.holderKind() == i.kind() && e.holderName().equals(i.holderName())));
			if (!present) {
				Tenancy.runAs(UnitScope.of(i.unit()), () -> signingIdentities.generate(i.unit(), "demo", i.kind(), i.holderName(),
						i.username(), i.organisation(), SIGNING_PASSWORD.toCharArray()));
				added++;
			}
		}
		if (added > 0) {
			log.info("Demo data: added {} villages and accounts", added);
		}
		return added;
	}

}
