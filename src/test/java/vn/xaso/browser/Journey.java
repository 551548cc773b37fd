package vn.xaso.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's walk through XaSo, the way a villager or an official would do it: the journey starts at one
 * address (the commune home, a QR code's address, the workspace) and from then on only clicks <em>visible</em>
 * links and buttons by their words, types into fields found by their visible labels, picks options by their
 * visible text and attaches files after choosing what they are. No typed URLs after the first page, no hidden
 * fields, no CSS shortcuts to invisible elements.
 *
 * <p>Every new page is a <em>screen</em>: it is counted, saved as a full-page PNG under
 * {@code target/journeys/<name>/NN-<slug>.png} (kept as build artefacts; docs/walkthrough.md is built from
 * them) and checked with axe (when JavaScript is on: axe is a script). {@link #assertScreensAtMost(int)} holds the
 * product to its promise.
 *
 * <pre>
 * var walk = Journey.start(browser, "birth-registration", "/x/14701");
 * walk.click("Thủ tục hành chính");
 * walk.fill("Họ và tên", "Phạm Minh An");
 * walk.assertScreensAtMost(10);
 * </pre>
 */
final class Journey {

	static final Path ROOT = Path.of("target", "journeys");
	static final int PHONE_WIDTH = 360;
	static final String CLICKABLE = "a[href], button, input[type=submit], input[type=button], summary";

	private final BrowserSupport browser;
	private final String name;
	private final Path folder;
	private final List<String> steps = new ArrayList<>();
	private int screens;
	/** Clicks, taps and picks (a link or button, a details box, a tick, an option chosen); typing is not counted. */
	private int clicks;
	private String lastAction = "mở trang";
	/** Who has the browser now (see {@link #handTo}), and the devices of the others: their cookies and the page left open. */
	private String person;
	private final Map<String, Device> devices = new java.util.HashMap<>();

	private record Device(java.util.Set<org.openqa.selenium.Cookie> cookies, String path) {
	}

	private Journey(BrowserSupport browser, String name, int width) {
		this.browser = browser;
		this.name = name;
		this.folder = ROOT.resolve(name);
		browser.driver().manage().window().setSize(new Dimension(width, 800));
		try {
			Files.createDirectories(folder);
			try (var old = Files.list(folder)) {
				for (var file : old.toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Starts a journey on a 360-px phone at the only address a person types or scans. */
	static Journey start(BrowserSupport browser, String name, String firstPath) {
		return start(browser, name, firstPath, PHONE_WIDTH);
	}

	/** Starts a journey at a given window width (1280 for an official's desk). */
	static Journey start(BrowserSupport browser, String name, String firstPath, int width) {
		var journey = new Journey(browser, name, width);
		journey.lastAction = "mở " + firstPath;
		browser.open(firstPath);
		journey.newScreen();
		return journey;
	}

	/** Continues an earlier journey's browser session without counting a typed URL: takes the page as it is. */
	static Journey continueHere(BrowserSupport browser, String name, int width) {
		var journey = new Journey(browser, name, width);
		journey.lastAction = "tiếp tục";
		journey.newScreen();
		return journey;
	}

	/** Names the person at the browser now (the first of several who take turns, see {@link #handTo}). */
	Journey as(String person) {
		this.person = person;
		return this;
	}

	/**
	 * Several people take turns in one journey, each at their own device (a clerk, then the chairman at his desk, then
	 * the clerk again): the one leaving keeps their cookies and the page they have open. A person coming back finds
	 * that page again, still signed in, and looks at it anew (reloaded: one screen), as they would at their own
	 * desk; a person not seen before starts signed out at {@code firstPath}, their typed address (as
	 * {@link #start}). Returns whether the person came back (false: first time here, they still have to sign in).
	 */
	boolean handTo(String nextPerson, String firstPath) {
		var driver = browser.driver();
		if (person != null) {
			devices.put(person, new Device(driver.manage().getCookies(), browser.path()));
		}
		driver.manage().deleteAllCookies();
		person = nextPerson;
		var device = devices.remove(nextPerson);
		if (device == null) {
			lastAction = nextPerson + " mở " + firstPath;
			browser.open(firstPath);
		}
		else {
			device.cookies().forEach(driver.manage()::addCookie);
			lastAction = nextPerson + " quay lại trang đang mở";
			browser.open(device.path());
		}
		newScreen();
		return device != null;
	}

	/** Clicks the visible link or button whose words are {@code words} and waits for the next screen. */
	Journey click(String words) {
		return clickElement(visibleClickable(null, words), "bấm «" + words + "»");
	}

	/** Like {@link #click(String)}, but only inside the visible element matched by a CSS selector (a region). */
	Journey clickWithin(String regionCss, String words) {
		return clickElement(visibleClickable(regionCss, words), "bấm «" + words + "»");
	}

	/**
	 * Clicks a visible link that opens in a new window ({@code target=_blank}), moves to that window and counts its
	 * first screen. Returns the window left behind, for {@link #backTo(String)}.
	 */
	String clickToNewWindow(String words) {
		var driver = browser.driver();
		var before = driver.getWindowHandle();
		var handles = driver.getWindowHandles();
		visibleClickable(null, words).click();
		clicks++;
		lastAction = "bấm «" + words + "» (cửa sổ mới)";
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getWindowHandles().size() > handles.size());
		var opened = driver.getWindowHandles().stream().filter(h -> !handles.contains(h)).findFirst().orElseThrow();
		driver.switchTo().window(opened);
		waitForReady();
		newScreen();
		return before;
	}

	/** Closes the current window and goes back to {@code window} as it was (not a new screen: it was seen already). */
	Journey backTo(String window) {
		browser.driver().close();
		browser.driver().switchTo().window(window);
		lastAction = "quay lại cửa sổ trước";
		return this;
	}

	/**
	 * Clicks a visible control that changes the page in place (opens a details box, a script-driven
	 * toggle): no new screen is counted.
	 */
	Journey press(String words) {
		var element = visibleClickable(null, words);
		element.click();
		clicks++;
		lastAction = "bấm «" + words + "» (cùng trang)";
		return this;
	}

	/** Accepts the browser's confirmation dialog that the last click opened (a "are you sure?" question). */
	Journey accept() {
		browser.driver().switchTo().alert().accept();
		return this;
	}

	/** Types into the visible field labelled {@code label}, replacing what is there. */
	Journey fill(String label, String text) {
		var field = field(label);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Types a date into the visible date field labelled {@code label} the way a person does, digit by digit in
	 * the order the phone shows (day, month, year in Vietnamese; month first in some locales): the field's
	 * value is checked and the other order tried if the first was not understood.
	 */
	Journey fillDate(String label, java.time.LocalDate date) {
		var field = field(label);
		if (!"date".equals(field.getAttribute("type"))) {
			return fill(label, String.format(Locale.ROOT, "%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()));
		}
		var dayFirst = String.format(Locale.ROOT, "%02d%02d%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		var monthFirst = String.format(Locale.ROOT, "%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
		for (var keys : List.of(dayFirst, monthFirst)) {
			field.clear();
			field.sendKeys(keys);
			if (date.toString().equals(field.getAttribute("value"))) {
				return this;
			}
		}
		fail("Journey '" + name + "': the date field «" + label + "» did not take " + date + " (it shows «"
				+ field.getAttribute("value") + "»)");
		return this;
	}

	/** Picks the option shown as {@code optionText} in the visible list labelled {@code label}. */
	Journey choose(String label, String optionText) {
		var select = new Select(field(label));
		for (var option : select.getOptions()) {
			if (normalise(option.getText()).equals(normalise(optionText))) {
				clicks++;
				option.click();
				return this;
			}
		}
		for (var option : select.getOptions()) { // "Trần Văn Minh" picks "Trần Văn Minh — Công chức Tư pháp"
			if (normalise(option.getText()).startsWith(normalise(optionText))) {
				clicks++;
				select.selectByVisibleText(option.getText());
				return this;
			}
		}
		fail("Journey '" + name + "': the list «" + label + "» has no option «" + optionText + "»");
		return this;
	}

	/** Ticks (or picks) the visible checkbox or radio button labelled {@code label}. */
	Journey tick(String label) {
		var box = field(label);
		if (!box.isSelected()) {
			clicks++;
			var id = box.getAttribute("id");
			var labels = id == null ? List.<WebElement>of() : browser.findAll("label[for='" + id + "']");
			(labels.isEmpty() || !labels.get(0).isDisplayed() ? box : labels.get(0)).click();
		}
		return this;
	}

	/** Chooses a file in the visible file field labelled {@code label} (the person picks it from their phone). */
	Journey attach(String label, Path file) {
		var input = field(label);
		if (!"file".equals(input.getAttribute("type"))) {
			fail("Journey '" + name + "', screen " + screens + ": «" + label + "» is not a file field (it matched a "
					+ input.getTagName() + " of type " + input.getAttribute("type") + "); use the file field's whole label");
		}
		input.sendKeys(file.toAbsolutePath().toString());
		return this;
	}

	/** The words on the current screen. */
	String text() {
		return browser.bodyText();
	}

	/** The current page's path and query (for assertions only, never to navigate). */
	String path() {
		return browser.path();
	}

	int screens() {
		return screens;
	}

	/** Clicks so far (see {@link #clicks}): the effort a person spent, beside the screens they saw. */
	int clicks() {
		return clicks;
	}

	/** Fails when the task took more screens than {@code most}, listing each screen. */
	void assertScreensAtMost(int most) {
		if (screens > most) {
			fail("Journey '" + name + "' took " + screens + " screens, more than " + most + ":\n" + String.join("\n", steps));
		}
	}

	/** The screens walked so far, one line each: number, action, title, path. */
	List<String> steps() {
		return List.copyOf(steps);
	}

	private Journey clickElement(WebElement element, String action) {
		clicks++;
		lastAction = action;
		browser.clickAndWait(element);
		waitForReady();
		newScreen();
		return this;
	}

	private void waitForReady() {
		if (!browser.javascript()) {
			return; // the page load already waited for the document, and no script may run to ask
		}
		var started = System.nanoTime();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).pollingEvery(BrowserSupport.POLL)
			.until(d -> "complete".equals(((ChromeDriver) browser.driver()).executeScript("return document.readyState")));
		browser.spent("loading pages", System.nanoTime() - started, false); // the same page load as the click's wait
	}

	private void newScreen() {
		screens++;
		var title = browser.driver().getTitle();
		var line = String.format(Locale.ROOT, "%02d. %s → %s (%s)", screens, lastAction, title, browser.path());
		steps.add(line);
		var slug = slug(lastAction);
		var file = folder.resolve(String.format(Locale.ROOT, "%02d-%s.png", screens, slug));
		try {
			Files.write(file, fullPage());
			Files.writeString(folder.resolve("steps.txt"), String.join("\n", steps) + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (browser.javascript()) {
			// axe is a script: with JavaScript off it cannot run; the same journey with JavaScript on checks it
			browser.axe(name + " screen " + screens);
		}
	}

	private byte[] fullPage() {
		var started = System.nanoTime();
		try {
			return fullPageShot();
		}
		finally {
			browser.spent("screenshots", System.nanoTime() - started);
		}
	}

	@SuppressWarnings("unchecked")
	private byte[] fullPageShot() {
		var driver = (ChromeDriver) browser.driver();
		var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		var content = (Map<String, Object>) metrics.get("cssContentSize");
		var width = ((Number) content.get("width")).doubleValue();
		var height = Math.min(((Number) content.get("height")).doubleValue(), 6000);
		// optimizeForSpeed: light PNG compression (bigger files, encoded much faster); docs/walkthrough/make.sh shrinks them to JPEG anyway
		var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
				"optimizeForSpeed", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		return Base64.getDecoder().decode((String) shot.get("data"));
	}

	private static String slug(String action) {
		var plain = java.text.Normalizer.normalize(action.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		return plain.length() > 40 ? plain.substring(0, 40) : plain;
	}

	private static String normalise(String text) {
		return text == null ? "" : text.replaceAll("\\s+", " ").trim();
	}

	/** A visible link, button or submit input whose words equal {@code words}, or else contain them. */
	private WebElement visibleClickable(String regionCss, String words) {
		var started = System.nanoTime();
		try {
			return visibleClickableNow(regionCss, words);
		}
		finally {
			browser.spent("finding", System.nanoTime() - started);
		}
	}

	private WebElement visibleClickableNow(String regionCss, String words) {
		var scope = regionCss == null ? browser.driver().findElement(By.tagName("body")) : browser.find(regionCss);
		WebElement partial = null;
		var wanted = normalise(words).toLowerCase(Locale.ROOT);
		// Only the links and buttons whose words could match are asked about one by one (see BrowserSupport.containing).
		for (var element : browser.containing(scope, CLICKABLE, wanted)) {
			if (!element.isDisplayed()) {
				continue;
			}
			var shown = normalise(element.getTagName().equals("input") ? element.getAttribute("value") : element.getText())
				.toLowerCase(Locale.ROOT);
			var aria = normalise(element.getAttribute("aria-label")).toLowerCase(Locale.ROOT);
			if (shown.equals(wanted) || aria.equals(wanted)) {
				return element;
			}
			if (partial == null && (shown.contains(wanted) || aria.contains(wanted))) {
				partial = element;
			}
		}
		if (partial != null) {
			return partial;
		}
		var candidates = scope.findElements(By.cssSelector(CLICKABLE));
		fail("Journey '" + name + "', screen " + screens + " (" + browser.path() + "): no visible link or button «" + words
				+ "». Visible ones: " + candidates.stream().filter(WebElement::isDisplayed).map(e -> "«" + normalise(e.getText()) + "»").toList());
		throw new IllegalStateException();
	}

	/** The visible form field whose label (label text or aria-label) equals, or else contains, {@code label}. */
	private WebElement field(String label) {
		var started = System.nanoTime();
		try {
			return fieldNow(label);
		}
		finally {
			browser.spent("finding", System.nanoTime() - started);
		}
	}

	private WebElement fieldNow(String label) {
		var wanted = normalise(label).toLowerCase(Locale.ROOT);
		WebElement partial = null;
		var body = browser.find("body");
		for (var element : browser.containing(body, "label", wanted)) {
			var shown = normalise(element.getText()).toLowerCase(Locale.ROOT);
			if (!shown.contains(wanted)) {
				continue;
			}
			var target = labelled(element);
			if (target == null) {
				continue;
			}
			var visible = element.isDisplayed() || target.isDisplayed();
			if (!visible) {
				continue;
			}
			if (shown.equals(wanted)) {
				return target;
			}
			if (partial == null) {
				partial = target;
			}
		}
		if (partial != null) {
			return partial;
		}
		for (var element : browser.containing(body, "input[aria-label], select[aria-label], textarea[aria-label]", wanted)) {
			if (element.isDisplayed() && normalise(element.getAttribute("aria-label")).toLowerCase(Locale.ROOT).contains(wanted)) {
				return element;
			}
		}
		fail("Journey '" + name + "', screen " + screens + " (" + browser.path() + "): no visible field labelled «" + label
				+ "». Labels: " + browser.findAll("label").stream().filter(WebElement::isDisplayed).map(e -> "«" + normalise(e.getText()) + "»").toList());
		throw new IllegalStateException();
	}

	private WebElement labelled(WebElement label) {
		var forId = label.getAttribute("for");
		if (forId != null && !forId.isBlank()) {
			var found = browser.findAll("[id='" + forId + "']");
			return found.isEmpty() ? null : found.get(0);
		}
		var nested = label.findElements(By.cssSelector("input, select, textarea"));
		return nested.isEmpty() ? null : nested.get(0);
	}
}
