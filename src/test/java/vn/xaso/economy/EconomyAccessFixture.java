package vn.xaso.economy;

import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.economy.internal.HandlingOrders;
import vn.xaso.economy.internal.KeepingLots;
import vn.xaso.economy.internal.LotEntry;
import vn.xaso.economy.internal.ListingProducts;
import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/**
 * The demo cooperative of Yên Mô (account yenmo.htx), its OCOP product with a photo, and a cancelled cash order of it
 * (every step on it is refused, so the harness changes nothing), and a batch of that product with a photographed
 * harvest step ({yenmo.lotPhoto}), for the access-control
 * rules in economy.tsv.
 */
public class EconomyAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var listing = context.getBean(ListingProducts.class);
		var placing = context.getBean(PlacingOrders.class);
		var handling = context.getBean(HandlingOrders.class);
		var jdbc = context.getBean(JdbcClient.class);
		var tx = context.getBean(TransactionTemplate.class);
		return Tenancy.callAs(UnitScope.of(EconomyFixture.YEN_MO), () -> {
			var htx = new OfficialPrincipal(0, "yenmo.htx", "Vũ Thị Hạnh", EconomyFixture.YEN_MO, "Xã Yên Mô", Set.of(Role.PRODUCER),
					UnitScope.of(EconomyFixture.YEN_MO));
			var mine = listing.mine(htx);
			var product = mine.products().stream().filter(p -> p.ocop() != null).findFirst().orElseThrow();
			if (product.photoIds().isEmpty()) {
				listing.addPhoto(htx, product.id(), png());
			}
			long photo = tx.execute(s -> jdbc.sql("select min(id) from economy_photo where product_id = ?").param(product.id())
				.query(Long.class).single());
			var code = placing.place(EconomyFixture.YEN_MO, product.id(),
					new PlacingOrders.Input("Phạm Văn Cường", "0988000003", "1", "PICKUP", null, "CASH"));
			handling.cancelByBuyer(EconomyFixture.YEN_MO, code);
			long orderId = listing.mine(htx).orders().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow().id();
			var lots = context.getBean(KeepingLots.class);
			var lotNumber = "AC" + System.nanoTime() % 1_000_000_000L;
			long lotId = lots.create(htx, new LotEntry.Input(String.valueOf(product.id()), lotNumber, java.time.LocalDate.now().minusDays(3)
				.toString(), null, "100", null));
			var lot = lots.ofMine(htx, lotId).lot();
			var step = lots.record(htx, lotId, new LotEntry.DiaryInput("HARVESTED", java.time.LocalDate.now().minusDays(1).toString(), null,
					null, null, null), png());
			long lotPhoto = tx.execute(s -> jdbc.sql("select id from economy_lot_photo where lot_id = ? and event_id = ?").params(lotId, step)
				.query(Long.class).single());
			var values = new java.util.HashMap<String, String>();
			values.putAll(Map.of("{yenmo.producer}", String.valueOf(mine.producer().id()), "{yenmo.product}", String.valueOf(product.id()),
					"{yenmo.photo}", String.valueOf(photo), "{yenmo.orderCode}", code, "{yenmo.orderId}", String.valueOf(orderId)));
			values.putAll(Map.of("{yenmo.lot}", String.valueOf(lotId), "{yenmo.lotGtin}", lot.gtin(), "{yenmo.lotNumber}", lotNumber,
					"{yenmo.lotPhoto}", String.valueOf(lotPhoto)));
			return values;
		});
	}

	/** A small real PNG picture (64 × 48, two colours). */
	public static byte[] png() {
		var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new java.awt.Color(0xE8C547));
		g.fillRect(0, 0, 64, 48);
		g.setColor(new java.awt.Color(0x6B8E23));
		g.fillOval(8, 8, 48, 32);
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
}
