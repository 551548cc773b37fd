package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ReceiptSlips;
import vn.xaso.feedback.FeedbackImagesAccess;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 17, the seller's side as people do it: a commune official registers a cooperative, checks and confirms it and
 * gives it an account; the cooperative, on a 360-px phone from the first-sign-in link it was sent, chooses a password,
 * lists an OCOP 3-star product with a photo, opens a batch and writes its diary (bees received → harvest → packing)
 * and prints the batch's labels. A villager then scans the QR printed on the label (decoded from the label PDF) on a
 * phone without JavaScript: the trace page tells the batch's story, and one tap leads to the product in the commune
 * shop. Visible links and buttons only; every screen counted and checked with axe. The buyer's side (order of 3, paid
 * by the producer's own VietQR) is {@link JourneyCommuneShopTests}.
 */
@XasoIntegrationTest
class JourneyCooperativeListsProductTests {

	static final int DESK = 1280;
	/** The whole first-sign-in address as shown to paste into a message, its path in group 1. */
	static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/setup/welcome/[A-Za-z0-9_-]{32,64})");
	static final String PASSWORD = "Mat-ong-hoa-nhan-2026";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport villagerPhone = BrowserSupport.withoutJavaScript();

	@LocalServerPort
	int port;

	@Test
	void aCooperativeListsAnOcopProductWritesABatchDiaryAndItsLabelOpensTheTracePage() throws Exception {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var cooperative = "HTX Ong mật Quảng Phúc " + tag;
		var product = "Mật ong hoa nhãn Quảng Phúc " + tag;
		var username = "qp.htx" + tag;
		var lotNumber = "MO-" + tag;

		// The commune official, at a desk: workspace → local products → a new producer → confirm → an account.
		var staff = Journey.start(browser, "cooperative-registered", "/signin", DESK);
		staff.fill("Tên đăng nhập", "yenmo.admin");
		staff.fill("Mật khẩu", DemoData.PASSWORD);
		staff.clickWithin("main", "Đăng nhập");
		staff.click("Sản phẩm địa phương");
		staff.click("Thêm cơ sở sản xuất");
		staff.tick("Hợp tác xã (HTX)");
		staff.fill("Tên cơ sở", cooperative);
		staff.fill("Người liên hệ", "Ninh Văn Lộc");
		staff.fill("Số điện thoại", "0987 654 321");
		staff.fill("Địa chỉ", "Thôn Quảng Phúc, xã Yên Mô");
		staff.choose("Ngân hàng", "Agribank");
		staff.fill("Số tài khoản", "3300 2051 " + String.format("%04d", Math.floorMod(tag.hashCode(), 10_000)));
		staff.fill("Tên chủ tài khoản", "Hop tac xa Ong mat Quang Phuc");
		staff.click("Lưu cơ sở");
		assertThat(staff.text()).contains("Đã lưu cơ sở sản xuất", cooperative, "chưa xác nhận");
		staff.click("Xác nhận cơ sở");
		assertThat(staff.text()).contains("Đã xác nhận cơ sở");
		staff.fill("Tên đăng nhập", username);
		staff.click("Cấp tài khoản");
		var link = LINK.matcher(staff.text());
		assertThat(link.find()).as(staff.text()).isTrue();
		staff.assertScreensAtMost(7);
		browser.signOut();

		// The cooperative, on a 360-px phone, from the link the commune sent it.
		var coop = Journey.start(browser, "cooperative-lists-product", link.group(1));
		coop.fill("Mật khẩu", PASSWORD);
		coop.fill("Nhập lại mật khẩu", PASSWORD);
		coop.click("Đặt mật khẩu");
		coop.clickWithin("main", "Đăng nhập");
		coop.fill("Tên đăng nhập", username);
		coop.fill("Mật khẩu", PASSWORD);
		coop.clickWithin("main", "Đăng nhập");
		coop.click("Cửa hàng của tôi");
		coop.click("Thêm sản phẩm");
		coop.fill("Tên sản phẩm", product);
		coop.fill("Mô tả", "Mật ong nguyên chất từ 30 đàn ong nuôi dưới vườn nhãn thôn Quảng Phúc.");
		coop.fill("Đơn vị bán", "hũ 500 ml");
		coop.fill("Giá bán một đơn vị (đồng)", "120000");
		coop.fill("Số lượng còn", "40");
		coop.fill("Mùa vụ", "Tháng 3 – tháng 5");
		coop.choose("Số sao", "OCOP 3 sao");
		coop.fill("Điểm đánh giá (trên 100)", "65");
		coop.fill("Số giấy chứng nhận", "215/QĐ-UBND");
		coop.fillDate("Ngày cấp giấy chứng nhận", today.minusMonths(3));
		coop.click("Lưu sản phẩm");
		assertThat(coop.text()).contains("Đã lưu sản phẩm");
		coop.attach("Thêm ảnh (JPG hoặc PNG, tối đa 8 MB)", photo());
		coop.click("Tải ảnh lên");
		assertThat(coop.text()).contains("Đã thêm ảnh");
		assertThat(browser.findAll("main img")).isNotEmpty();

		coop.click("Cửa hàng của tôi");
		coop.click("Lô hàng, nhật ký sản xuất và tem truy xuất");
		coop.choose("Sản phẩm", product);
		coop.fill("Số lô", lotNumber);
		coop.fillDate("Ngày sản xuất", today.minusDays(2));
		coop.fill("Số lượng trong lô", "40");
		coop.fill("Nguồn gốc, vật tư đầu vào", "30 đàn ong nội, không dùng kháng sinh");
		coop.click("Tạo lô");
		assertThat(coop.text()).contains("Đã tạo lô", lotNumber);
		record(coop, "Nhận giống, nguyên liệu", today.minusDays(60), "Nhận 30 đàn ong giống từ trại ong Ninh Bình");
		record(coop, "Thu hoạch", today.minusDays(3), "Quay được 22 lít mật");
		record(coop, "Đóng gói", today.minusDays(2), "Đóng 40 hũ 500 ml");
		assertThat(coop.text()).contains("Nhận 30 đàn ong giống", "Quay được 22 lít mật", "Đóng 40 hũ 500 ml");
		coop.assertScreensAtMost(16);

		// "In tem có mã QR (PDF)": the cooperative prints the sheet; what a phone reads from the printed QR is the
		// address encoded in the PDF's QR code.
		var labels = browser.findAll("main a").stream().filter(a -> a.getText().strip().equals("In tem có mã QR (PDF)"))
			.findFirst().orElseThrow().getAttribute("href");
		var sheet = new WebSession(port).signInOfficial(username, PASSWORD).getBytes(URI.create(labels).getPath());
		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(ReceiptSlips.text(sheet.body())).contains(lotNumber);
		var scanned = URI.create(ReceiptSlips.qr(sheet.body()));
		browser.signOut();

		// The villager scans the label with a phone (no JavaScript): the trace page, then the product in the shop.
		var villager = Journey.start(villagerPhone, "cooperative-label-scanned", scanned.getPath(), Journey.PHONE_WIDTH);
		assertThat(villager.text()).contains(product, cooperative, "OCOP 3 sao", lotNumber, "Nhận giống, nguyên liệu", "Thu hoạch",
				"Đóng gói", "Quay được 22 lít mật").doesNotContain("đã bị thu hồi");
		villager.click("Xem sản phẩm và đặt mua");
		assertThat(villager.text()).contains(product, "120.000 đ", "OCOP 3 sao", "Đặt hàng");
		assertThat(villagerPhone.findAll("main img")).isNotEmpty();
		villager.assertScreensAtMost(2);
	}

	private static void record(Journey coop, String step, LocalDate day, String note) {
		coop.choose("Bước", step);
		coop.fillDate("Ngày", day);
		coop.fill("Ghi chú", note);
		coop.click("Ghi vào nhật ký");
		assertThat(coop.text()).contains("Đã ghi vào nhật ký");
	}

	private static Path photo() throws Exception {
		var file = Files.createTempFile("mat-ong-", ".jpg");
		Files.write(file, FeedbackImagesAccess.jpeg(1200, 900));
		return file;
	}
}
