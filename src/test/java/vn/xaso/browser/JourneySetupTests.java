package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpServer;

/**
 * A real commune goes live: XaSo is started in a child process on an EMPTY data folder without the
 * demo (exactly the production command, {@code vn.xaso.XasoApplication serve}, on the build's class
 * path), the one-time setup address is read from its console, and a person completes the wizard
 * (a PKCS#12 made here with keytool, 5 officials from a CSV). Then a citizen submits an online dossier
 * and the new one-stop officer, through their first-sign-in link, finds it in their queue. Every screen
 * is counted; the whole thing must stay within 25 screens.
 */
class JourneySetupTests {

	static final String ADMIN_PASSWORD = "Lua-chin-vang-dong-2026";
	static final String OFFICER_PASSWORD = "Mot-cua-Yen-Mo-2026";
	static final String P12_PASSWORD = "KySo-YenMo-2026";
	static final Pattern SETUP_ADDRESS = Pattern.compile("https?://[^/\\s]+(/setup/[A-Za-z0-9_-]{43})");
	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

	static Process app;
	static int port;
	static Path dataDir;
	static final List<String> console = new CopyOnWriteArrayList<>();
	static final CompletableFuture<String> setupPath = new CompletableFuture<>();
	static final CompletableFuture<Boolean> ready = new CompletableFuture<>();
	static HttpServer sms;
	static final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.at(() -> "http://localhost:" + port);

	@BeforeAll
	static void startOnAnEmptyDataFolder() throws Exception {
		sms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		sms.createContext("/sms", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var phone = body.replaceAll("(?s).*\"Phone\"\\s*:\\s*\"([0-9]+)\".*", "$1");
			var content = body.replaceAll("(?s).*\"Content\"\\s*:\\s*\"([^\"]*)\".*", "$1");
			texts.put(phone, content);
			var answer = "{\"CodeResult\":\"100\",\"SMSID\":\"fake-1\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		sms.start();
		port = freePort();
		dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "golive-");
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-cp", applicationClassPath(), "vn.xaso.XasoApplication", "serve",
				"--server.port=" + port, "--xaso.data-dir=" + dataDir, "--xaso.demo.load=false",
				"--xaso.notify.jobs.enabled=false", "--xaso.documents.jobs.enabled=false",
				"--xaso.notify.sms.enabled=true", "--xaso.notify.sms.url=http://127.0.0.1:" + sms.getAddress().getPort() + "/sms",
				"--xaso.notify.sms.api-key=test", "--xaso.notify.sms.secret-key=test", "--xaso.notify.sms.brandname=XASO");
		app = new ProcessBuilder(command).redirectErrorStream(true).start();
		var reader = new Thread(() -> {
			try (var in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					console.add(line);
					var m = SETUP_ADDRESS.matcher(line);
					if (m.find()) {
						setupPath.complete(m.group(1));
					}
					if (line.contains("XaSo is ready")) {
						ready.complete(true);
					}
				}
			}
			catch (IOException e) {
				// the process ended
			}
			ready.complete(false);
			setupPath.completeExceptionally(new IllegalStateException("XaSo ended before printing a setup address:\n"
					+ String.join("\n", console.subList(Math.max(0, console.size() - 60), console.size()))));
		}, "xaso-child-console");
		reader.setDaemon(true);
		reader.start();
		ready.get(6, TimeUnit.MINUTES);
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.destroy();
			if (!app.waitFor(90, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
			Files.write(Path.of("target", "journeys", "golive-console.log"), console);
		}
		if (sms != null) {
			sms.stop(0);
		}
	}

	@Test
	void fromAnEmptyDataFolderToTheFirstOnlineDossierReceived() throws Exception {
		var address = setupPath.get(10, TimeUnit.SECONDS);
		var token = address.substring("/setup/".length());
		assertThat(Files.readString(dataDir.resolve("setup-token")).strip()).isEqualTo(token);

		// Nothing else answers while setup is running, except health.
		assertThat(get("/").statusCode()).isEqualTo(302);
		assertThat(get("/").headers().firstValue("Location").orElse("")).endsWith("/setup/pending");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get("/setup/wrongwrongwrongwrongwrongwrongwrongwrongwro").body()).contains("Địa chỉ cài đặt không đúng");
		// The pages that answer during setup offer no sign-in or other link that would only lead to "đang cài đặt".
		assertThat(get("/setup/pending").body()).contains("Hệ thống đang được cài đặt")
			.doesNotContain("href=\"/signin\"", "href=\"/citizen/signin\"", "href=\"/\"", "href=\"/design\"");

		var p12 = pkcs12();
		var csv = officialsCsv();

		// 1. The commune.
		var walk = Journey.start(browser, "go-live", address, 1280);
		assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(
				"a[href='/signin'], a[href='/citizen/signin'], a[href='/'], a[href='/design'], a[href='/swagger-ui.html']")))
			.as("links that cannot work during setup").isEmpty();
		walk.fill("Tên xã, phường", "yen mo").click("Tìm");
		walk.tick("(mã 14701)");
		walk.fill("Các thôn, tổ dân phố", "Thôn Yên Hòa\nThôn Bình Hải\nTổ dân phố Yên Thịnh");
		walk.click("Lưu và tiếp tục");
		// 2. The first administrator.
		walk.fill("Họ và tên", "Phạm Thị Hương").fill("Tên đăng nhập", "quantri.yenmo").fill("Mật khẩu", ADMIN_PASSWORD)
			.fill("Nhập lại mật khẩu", ADMIN_PASSWORD).fill("Số điện thoại di động", "0912 345 678");
		walk.click("Tạo quản trị viên");
		// 3. One-stop desk and bank account.
		walk.fill("Mã cơ quan", "000.00.14.H45");
		walk.choose("Ngân hàng", "Agribank — Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (970405)");
		walk.fill("Số tài khoản", "3300201012345").fill("Tên tài khoản", "UBND XA YEN MO");
		walk.fill("Số văn bản đi cuối cùng đã dùng", "57").fill("Số văn bản đến cuối cùng đã dùng", "120");
		walk.click("Lưu và tiếp tục");
		// 4. The organisation's signing identity.
		walk.attach("Tệp chữ ký số", p12).fill("Mật khẩu của tệp", P12_PASSWORD).click("Nhập chữ ký số");
		// 5. Officials from the list the commune keeps.
		walk.attach("Tệp danh sách cán bộ", csv).click("Kiểm tra");
		assertThat(walk.text()).contains("Đã kiểm tra: 5 cán bộ");
		walk.click("Tạo 5 tài khoản");
		var officerLink = browser.driver().findElement(org.openqa.selenium.By.linkText("Đăng nhập lần đầu của motcua.yenmo"))
			.getAttribute("href");
		walk.click("Tiếp tục");
		// 6. Procedures (the national catalogue is pre-selected).
		walk.click("Lưu và tiếp tục");
		// 7. Checklist and finish.
		assertThat(walk.text()).contains("Tài khoản nhận tiền VietQR", "Chữ ký số của cơ quan", "5 cán bộ");
		walk.click("Hoàn tất cài đặt");
		assertThat(walk.text()).contains("Đã cài đặt xong");
		assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("header a[href='/signin']")))
			.as("open now: the header offers signing in again").isNotEmpty();
		int setupScreens = walk.screens();

		// The address is used up; the rest of XaSo is open.
		assertThat(get(address).statusCode()).isEqualTo(410);
		assertThat(get(address).body()).contains("đã dùng xong");
		assertThat(get("/").statusCode()).isEqualTo(200);

		// A citizen tries it: from the "try it" link to a submitted dossier.
		// "Thử nộp một hồ sơ" is a short guide; its first step opens the citizen page in a new window.
		walk.click("Thử nộp một hồ sơ");
		assertThat(walk.text()).contains("Nộp thử một hồ sơ như người dân", "Bước 1/3");
		walk.clickToNewWindow("Mở trang thủ tục cho người dân");
		assertThat(walk.text()).contains("Khai báo tạm vắng");
		walk.click("Nộp trực tuyến");
		var phone = "0988123456";
		walk.fill("Số điện thoại", phone).click("Gửi mã");
		var code = SIX_DIGITS.matcher(texts.getOrDefault(phone, ""));
		assertThat(code.find()).as("sign-in code sent through the SMS provider").isTrue();
		walk.fill("Mã 6 số", code.group(1)).click("Xác nhận");
		fillAbsenceForm(walk, phone);
		// The request paper is the e-form itself (filled by form): nothing to attach.
		walk.click("Tiếp tục");
		assertThat(walk.text()).contains("Đã khai ở bước 1");
		walk.click("Nộp hồ sơ");
		assertThat(walk.text()).contains("Đã nộp hồ sơ");
		var dossierCode = browser.find(".dossier-code").getText();
		int citizenScreens = walk.screens() - setupScreens;

		// The new one-stop officer opens their first-sign-in link, chooses a password and finds the dossier.
		browser.driver().manage().deleteAllCookies();
		var officer = Journey.start(browser, "go-live-officer", officerLink.replaceFirst("^https?://[^/]+", ""), 1280);
		officer.fill("Mật khẩu", OFFICER_PASSWORD).fill("Nhập lại mật khẩu", OFFICER_PASSWORD).click("Đặt mật khẩu");
		officer.clickWithin("main", "Đăng nhập");
		officer.fill("Tên đăng nhập", "motcua.yenmo").fill("Mật khẩu", OFFICER_PASSWORD).clickWithin("main", "Đăng nhập");
		officer.click("Hồ sơ thủ tục hành chính");
		assertThat(officer.text()).contains(dossierCode);

		var total = walk.screens() + officer.screens();
		Files.writeString(Path.of("target", "journeys", "go-live-screens.txt"),
				"setup " + setupScreens + ", citizen " + citizenScreens + ", officer " + officer.screens() + ", total " + total + "\n");
		assertThat(total).as("screens from the setup address to the dossier received").isLessThanOrEqualTo(25);
	}

	private static void fillAbsenceForm(Journey walk, String phone) {
		walk.fill("Họ, chữ đệm và tên người yêu cầu", "Trần Văn Nam");
		walk.fill("Số căn cước của người yêu cầu", "037090001234");
		walk.fill("Số điện thoại di động", phone);
		walk.fill("Nơi cư trú của người yêu cầu", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình");
		walk.fill("Nơi đến", "Thành phố Hà Nội");
		walk.fill("Vắng từ ngày", "02022027"); // 2 February or February 2: the same whatever order the browser shows
		walk.fill("Đến ngày", "03032027");
		walk.fill("Lý do, nội dung đề nghị", "Đi làm theo mùa vụ");
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

	/** The commune's signing identity, as a CA would deliver it: a .p12 made here with the JDK's keytool. */
	private static Path pkcs12() throws Exception {
		var file = dataDir.resolveSibling(dataDir.getFileName() + "-ubnd-yen-mo.p12");
		Files.deleteIfExists(file);
		var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		var process = new ProcessBuilder(keytool, "-genkeypair", "-storetype", "PKCS12", "-keystore", file.toString(),
				"-storepass", P12_PASSWORD, "-keypass", P12_PASSWORD, "-alias", "ubnd", "-keyalg", "RSA", "-keysize", "2048",
				"-sigalg", "SHA256withRSA", "-validity", "730", "-dname", "CN=UBND Xa Yen Mo, O=UBND Xa Yen Mo, C=VN")
			.redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		return file;
	}

	private static Path officialsCsv() throws IOException {
		var file = dataDir.resolveSibling(dataDir.getFileName() + "-can-bo.csv");
		Files.writeString(file, """
				Họ và tên,Tên đăng nhập,Số điện thoại,Vai trò,Chức vụ
				Đinh Văn Hùng,chutich.yenmo,0912000102,lãnh đạo,Chủ tịch UBND xã
				Nguyễn Thị Lan,motcua.yenmo,0912000103,một cửa,Công chức Một cửa
				Trần Văn Minh,tuphap.yenmo,0912000104,chuyên môn,Công chức Tư pháp - Hộ tịch
				Vũ Thị Mai,vanthu.yenmo,0912000105,văn thư,Văn thư
				Lê Văn Tú,congnghe.yenmo,0912000106,tổ công nghệ số,Tổ trưởng Tổ công nghệ số cộng đồng
				""");
		return file;
	}

	/** The application's class path as the build made it: main classes and dependencies, not the tests. */
	private static String applicationClassPath() {
		var path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
