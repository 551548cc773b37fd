package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21, "raw values on officials' pages": the chairman, the clerk, the one-stop officer and the specialist open
 * every page their workspace links to, and a few records from each list (a dossier, a document), and no visible text
 * reads like a machine value: no "true"/"false", no ISO date "2026-12-06" (people read "Có"/"Không" and "06/12/2026").
 * Only the words on screen count: attributes (a date field's value, a link) and scripts are left out.
 */
@XasoIntegrationTest
class OfficialPagesPlainValuesTests {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
	private static final Pattern RECORD = Pattern.compile("^/(dossiers|documents|feedback|radio/broadcasts)/[0-9]+$");
	private static final Pattern RAW = Pattern.compile("(?<![\\p{L}\\p{N}_./-])(true|false|\\d{4}-\\d{2}-\\d{2})(?![\\p{L}\\p{N}_/-])");
	private static final Pattern SKIP = Pattern.compile("^/(signout|assets|webjars|api|x/)|\\.(pdf|zip|csv|xlsx|png|svg|ics|xml)(\\?|$)|/(pdf|download|export)(\\?|$)");

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "yenmo.chutich", "yenmo.vanthu", "yenmo.motcua", "yenmo.tuphap" })
	void noMachineValuesOnTheOfficialsPages(String username) {
		var web = new WebSession(port).signInOfficial(username, DemoData.PASSWORD);
		var workspace = web.get("/workspace");
		assertThat(workspace.statusCode()).isEqualTo(200);
		var pages = new LinkedHashSet<String>();
		pages.add("/workspace");
		links(workspace.body()).forEach(pages::add);
		Map<String, String> found = new TreeMap<>();
		var records = new ArrayList<String>();
		for (var path : List.copyOf(pages)) {
			var page = web.get(path);
			if (page.statusCode() != 200 || !page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			check(path, page.body(), found);
			links(page.body()).stream().filter(l -> RECORD.matcher(l).matches()).limit(3).forEach(records::add);
		}
		for (var path : records.stream().distinct().limit(30).toList()) {
			var page = web.get(path);
			if (page.statusCode() == 200) {
				check(path, page.body(), found);
			}
		}
		assertThat(found).as("machine values on " + username + "'s pages").isEmpty();
	}

	private static List<String> links(String html) {
		var out = new ArrayList<String>();
		var m = LINK.matcher(html);
		while (m.find()) {
			var href = m.group(1).replace("&amp;", "&");
			if (!SKIP.matcher(href).find() && !out.contains(href)) {
				out.add(href);
			}
		}
		return out;
	}

	private static void check(String path, String html, Map<String, String> found) {
		var text = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
			.replaceAll("(?s)<[^>]*>", " ").replace("&nbsp;", " ");
		var m = RAW.matcher(text);
		if (m.find()) {
			int from = Math.max(0, m.start() - 60);
			found.put(path, text.substring(from, Math.min(text.length(), m.end() + 30)).replaceAll("\\s+", " ").strip());
		}
	}
}
