package vn.xaso.economy;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.economy.internal.KeepingProducers;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.ProducerEntry;
import vn.xaso.economy.internal.ProductEntry;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Producers and products made through the module's own use cases, as the commune and the producer would: registered
 * and verified by the commune administrator, given an account, products listed from that account.
 */
public final class EconomyFixture {

	public static final String YEN_MO = "14701";
	public static final String NGA_AN = "16144";
	public static final String PASSWORD = "Cho-que-Yen-Hoa-2026!";

	/** A producer with its own account. */
	public record Seller(long id, String unitCode, String username, String accountNumber, OfficialPrincipal principal) {
	}

	private final KeepingProducers keeping;
	private final ListingProducts listing;
	private final Accounts accounts;

	public EconomyFixture(ApplicationContext context) {
		this.keeping = context.getBean(KeepingProducers.class);
		this.listing = context.getBean(ListingProducts.class);
		this.accounts = context.getBean(Accounts.class);
	}

	public static OfficialPrincipal admin(String unitCode) {
		return new OfficialPrincipal(0, unitCode.equals(YEN_MO) ? "yenmo.admin" : "ngaan.admin", "Quản trị", unitCode, "Xã",
				Set.of(Role.ADMIN), UnitScope.of(unitCode));
	}

	/** A verified cooperative of {@code unitCode} paid into its own Agribank account, with the account {@code username}. */
	public Seller seller(String unitCode, String name, boolean vietQr) {
		var suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
		var username = "sx" + suffix;
		var account = "33002" + suffix;
		return Tenancy.callAs(UnitScope.of(unitCode), () -> {
			var admin = admin(unitCode);
			long id = keeping.register(admin, new ProducerEntry.Input("COOPERATIVE", name + " " + suffix, null, "Đỗ Văn Nam",
					"0987" + String.format("%06d", Long.parseLong(suffix) % 1_000_000), "Thôn Yên Hòa", null, vietQr ? "970405" : null,
					vietQr ? account : null, vietQr ? "HTX THU NGHIEM" : null));
			keeping.verify(admin, id);
			// The administrator opens the account at /admin/accounts with the role PRODUCER, then links it.
			accounts.create(unitCode, new Accounts.NewOfficial(username, "Đỗ Văn Nam", null, null, null, Set.of(Role.PRODUCER), null,
					PASSWORD));
			keeping.linkAccount(admin, id, username);
			return new Seller(id, unitCode, username, account, new OfficialPrincipal(0, username, "Đỗ Văn Nam", unitCode, "Xã",
					Set.of(Role.PRODUCER), UnitScope.of(unitCode)));
		});
	}

	/** A listed product of the seller; {@code ocopCertified} null for none. */
	public long product(Seller seller, String name, long price, int stock, Integer stars, LocalDate ocopCertified) {
		return Tenancy.callAs(UnitScope.of(seller.unitCode()), () -> listing.create(seller.principal(), new ProductEntry.Input(name,
				"Sản phẩm thử của " + seller.username(), "FOOD", "hộp", String.valueOf(price), String.valueOf(stock), "Quanh năm", null,
				stars == null ? null : String.valueOf(stars), stars == null ? null : String.valueOf(stars == 5 ? 92 : stars == 4 ? 78 : 60),
				stars == null ? null : "Số 1/QĐ-UBND", ocopCertified == null ? null : ocopCertified.toString(), null, true)));
	}
}
