package vn.xaso.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * One headless Chromium (phone-sized window) per test class, with cookies cleared before each test.
 * Register as a static field: {@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}
 * on a class annotated with {@code @XasoIntegrationTest}; the server port is read from the Spring context.
 *
 * <p>Never skips: if Chromium or chromedriver is missing the tests fail with a clear message, so a CI
 * machine without a browser cannot pass silently.
 */
final class BrowserSupport
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final Path SCREENSHOTS = Path.of("target", "screenshots");
	static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
	/**
	 * The shape of a page for axe: its path with numbers and codes taken out, the viewport width, and the set of
	 * element kinds on it — tag, classes, role, type, the names of its attributes, whether a link, button, label or
	 * heading has text. Two pages of one shape (the same list with other rows, the same form with other values) have
	 * the same accessibility; a new state (an error message, an empty link, an image without alt) is a new shape.
	 */
	private static final String SHAPE = """
			const kinds = new Set();
			for (const e of document.querySelectorAll('*')) {
			  const named = /^(A|BUTTON|LABEL|H[1-6]|TH|LEGEND|SUMMARY|OPTION)$/.test(e.tagName);
			  kinds.add(e.tagName + '.' + (e.getAttribute('class') || '') + '|' + (e.getAttribute('role') || '') + '|'
			    + (e.getAttribute('type') || '') + '|' + e.getAttributeNames().sort().join(',')
			    + (named ? (e.textContent.trim() ? '|t' : '|-') : ''));
			}
			return location.pathname.replace(/[0-9A-Za-z]*[0-9][0-9A-Za-z-]*/g, '#') + ' ' + window.innerWidth + '\\n'
			  + [...kinds].sort().join('\\n');
			""";
	/** How often waits for the browser ask again. */
	static final Duration POLL = Duration.ofMillis(20);

	private final boolean javascript;
	private ChromeDriver driver;
	private Path profile;
	private String baseUrl;
	/** Set when the app under test is not a Spring test context (e.g. a child process): read when first needed. */
	private java.util.function.Supplier<String> baseUrlSource;
	private final List<String> accessibilityProblems = new ArrayList<>();
	/** Nanoseconds spent per kind of browser work in this class, printed when the class ends. */
	private final Map<String, Long> spent = new java.util.LinkedHashMap<>();
	/** How many times each kind of browser work was done (page loads, screenshots, axe runs, look-ups). */
	private final Map<String, Integer> done = new HashMap<>();
	private int axeChecked;
	private int axeSkipped;
	private int axeSkippedOtherJvm;

	BrowserSupport() {
		this(true);
	}

	private BrowserSupport(boolean javascript) {
		this.javascript = javascript;
	}

	/** Whether pages run scripts (axe is a script too: it cannot run with JavaScript off). */
	boolean javascript() {
		return javascript;
	}

	/** A browser for an app started outside the Spring test context (a child process); its address is read lazily. */
	static BrowserSupport at(java.util.function.Supplier<String> baseUrl) {
		var browser = new BrowserSupport(true);
		browser.baseUrlSource = baseUrl;
		return browser;
	}

	/** A browser with JavaScript switched off, to prove the pages work without it. */
	static BrowserSupport withoutJavaScript() {
		return new BrowserSupport(false);
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			fail("Browser tests need Debian's Chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver, or run ./xaso test which installs them). "
					+ "They are not skipped on purpose.");
		}
		profile = Files.createTempDirectory("xaso-chromium-");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=412,915", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=vi");
		if (!javascript) {
			Map<String, Object> prefs = new HashMap<>();
			prefs.put("profile.managed_default_content_settings.javascript", 2);
			options.setExperimentalOption("prefs", prefs);
		}
		var started = System.nanoTime();
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException e) {
			fail("Could not start headless Chromium via " + CHROMEDRIVER + ": " + e.getMessage(), e);
		}
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
		spent("starting Chromium", System.nanoTime() - started);
		if (baseUrlSource == null) {
			var port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
			baseUrl = "http://localhost:" + port;
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// One line per class: where its browser time went (docs/testing.md explains how these are used).
		System.out.println("[browser time] " + context.getRequiredTestClass().getSimpleName() + ": " + spent.entrySet().stream()
			.map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.1f s (%d×)", e.getValue() / 1e9, done.get(e.getKey())))
			.collect(Collectors.joining(", ")) + "; axe on " + axeChecked + " page shapes, " + axeSkipped + " seen before ("
				+ axeSkippedOtherJvm + " by the other test JVM)");
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			try {
				FileSystemUtils.deleteRecursively(profile);
			}
			catch (IOException ignored) {
				// a temp folder left behind is harmless
			}
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		accessibilityProblems.clear();
	}

	/**
	 * Accessibility problems found by {@link #axe} do not stop a test at once, so one badly styled
	 * page does not hide functional failures further on; they fail the test when it ends.
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		if (!accessibilityProblems.isEmpty()) {
			var report = String.join("\n\n", accessibilityProblems);
			accessibilityProblems.clear();
			fail(report);
		}
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
		if (driver != null) {
			try {
				screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName());
			}
			catch (RuntimeException e) {
				throwable.addSuppressed(e);
			}
		}
		throw throwable;
	}

	private String base() {
		if (baseUrl == null && baseUrlSource != null) {
			baseUrl = baseUrlSource.get();
		}
		return baseUrl;
	}

	ChromeDriver driver() {
		return driver;
	}

	String url(String path) {
		return base() + path;
	}

	/** Opens a path on the app under test. */
	WebDriver open(String path) {
		var started = System.nanoTime();
		driver.get(url(path));
		spent("loading pages", System.nanoTime() - started);
		return driver;
	}

	/** Adds time to one kind of browser work (see {@link #afterAll}). */
	void spent(String what, long nanos) {
		spent(what, nanos, true);
	}

	/** Adds time to one kind of browser work, counting it as one more time done or as more of the last one. */
	void spent(String what, long nanos, boolean anotherTime) {
		spent.merge(what, nanos, Long::sum);
		done.merge(what, anotherTime ? 1 : 0, Integer::sum);
	}

	/**
	 * The elements matching {@code css} inside {@code scope} whose text (rendered or not, or a button's value) or
	 * {@code aria-label} contains {@code wanted} (lower case, spaces collapsed), in document order, found by one
	 * script in the page. Only a pre-selection: it keeps every element whose visible words could contain
	 * {@code wanted}, so the caller still checks visibility and words with WebDriver on these few instead of on
	 * every link of the page (each WebDriver question is a round trip, and a page can have hundreds of links).
	 */
	@SuppressWarnings("unchecked")
	List<WebElement> containing(WebElement scope, String css, String wanted) {
		var found = driver.executeScript("""
				const [scope, css, wanted] = arguments;
				const words = t => (t == null ? '' : String(t)).replace(/[\\s\\u00a0]+/g, ' ').trim().toLowerCase();
				return Array.from(scope.querySelectorAll(css)).filter(e => [e.innerText, e.textContent, e.value,
					e.getAttribute('aria-label')].some(t => words(t).includes(wanted)));""", scope, css, wanted);
		return found == null ? List.of() : (List<WebElement>) found;
	}

	/** The path (and query) of the current page, without scheme, host and port. */
	String path() {
		var current = driver.getCurrentUrl();
		return current.startsWith(base()) ? current.substring(base().length()) : current;
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	String h1() {
		return find("h1").getText();
	}

	String bodyText() {
		return find("body").getText();
	}

	/**
	 * Clicks something that loads a new page (a link or a submit button) and waits until the old page
	 * is gone: a click returns before the navigation starts, so reading the URL at once is racy.
	 */
	void clickAndWait(WebElement element) {
		var started = System.nanoTime();
		var oldPage = driver.findElement(By.tagName("html"));
		element.click();
		// Chromium reports a page torn down mid-check either as a stale element or as "Node with
		// given id does not belong to the document"; both mean the old page is gone. Asked every 20 ms: with
		// WebDriverWait's default of 500 ms, every click waited half a second for a page that took 50 ms.
		new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(POLL).until(d -> {
			try {
				oldPage.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException e) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException e) {
				if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		});
		spent("loading pages", System.nanoTime() - started);
	}

	/** Clicks the element matched by a CSS selector and waits for the next page. */
	void clickAndWait(String css) {
		clickAndWait(find(css));
	}

	/** Types into a field, replacing what was there. */
	void type(String css, String text) {
		var field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/** Signs an official in through the real form and returns the page reached. */
	void signIn(String username, String password) {
		open("/signin");
		type("#f-username", username);
		type("#f-password", password);
		clickAndWait("main form[action='/signin'] button[type=submit]");
	}

	/** Signs out with the header's button (a form post with the CSRF token). */
	void signOut() {
		clickAndWait("form[action='/signout'] button");
	}

	/** Saves a PNG of the visible page to target/screenshots/&lt;name&gt;.png. */
	Path screenshot(String name) {
		var started = System.nanoTime();
		try {
			Files.createDirectories(SCREENSHOTS);
			var target = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
			Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			spent("screenshots", System.nanoTime() - started);
		}
	}

	/** Screenshot plus accessibility check of the current page. */
	void check(String name) {
		screenshot(name);
		axe(name);
	}

	/**
	 * Runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules and fails on any serious or critical
	 * violation, listing each rule, its help text and the offending nodes. The failure is reported
	 * when the test ends (see {@link #afterEach}).
	 */
	void axe(String what) {
		var started = System.nanoTime();
		var seen = AxeShapes.RUN.meet(String.valueOf(driver.executeScript(SHAPE)));
		if (seen != AxeShapes.Seen.NEW) {
			axeSkipped++;
			axeSkippedOtherJvm += seen == AxeShapes.Seen.IN_THE_OTHER_JVM ? 1 : 0;
			spent("axe skipped (page shape checked before)", System.nanoTime() - started);
			return;
		}
		var results = axeBuilder().analyze(driver);
		// On a loaded machine the renderer may not answer axe's script in time: that says nothing of the page; ask again.
		for (int again = 0; again < 2 && results.isErrored() && String.valueOf(results.getErrorMessage()).contains("Timed out"); again++) {
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			results = axeBuilder().analyze(driver);
		}
		axeChecked++;
		spent("axe", System.nanoTime() - started);
		if (results.isErrored()) {
			fail("axe could not analyse " + what + " (" + path() + "): " + results.getErrorMessage());
		}
		var serious = new ArrayList<Rule>();
		for (var rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				serious.add(rule);
			}
		}
		if (!serious.isEmpty()) {
			var report = serious.stream()
				.map(rule -> "- [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
						+ rule.getNodes().stream()
							.map(node -> "    at " + node.getTarget() + "  " + abbreviate(node.getHtml()) + "\n      "
									+ String.valueOf(node.getFailureSummary()).replace("\n", "\n      "))
							.collect(Collectors.joining("\n")))
				.collect(Collectors.joining("\n"));
			accessibilityProblems.add(serious.size() + " serious/critical accessibility violation(s) on " + what + " (" + path()
					+ "):\n" + report);
		}
	}

	/**
	 * axe with the WCAG tags in the library's default mode ({@code axe.runPartial} per frame, then {@code finishRun} in a
	 * blank tab). One {@code axe.run} in the page ("legacy mode") would spare that tab and a second script injection
	 * per check, but it was tried (2026-12-07) and broke {@code BrowserCommunityFieldTests}: with no tab opened and
	 * closed between screens, the offline phone's first save reached the server before the service worker's offline
	 * emulation applied. Only violations are asked for in full ({@code resultTypes}): nothing reads the passes.
	 */
	private static AxeBuilder axeBuilder() {
		var options = new com.deque.html.axecore.args.AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		return new AxeBuilder().withOptions(options).withTags(AXE_TAGS).setLegacyMode(false);
	}

	private static String abbreviate(String html) {
		if (html == null) {
			return "";
		}
		return html.length() > 160 ? html.substring(0, 160) + "…" : html;
	}
}
