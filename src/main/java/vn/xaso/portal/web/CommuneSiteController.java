package vn.xaso.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.portal.CommuneInfo;
import vn.xaso.portal.Post;
import vn.xaso.portal.Posts;
import vn.xaso.platform.web.Paging;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * A commune's public site under {@code /x/{communeCode}}: home, notices, news, legal dissemination,
 * one post, search, the leaders' week, contacts, an Atom feed. Every page answers conditional GETs
 * (ETag and Last-Modified from the commune's latest change) with 304 before anything is built.
 */
@Controller
class CommuneSiteController {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Units units;
	private final Villages villages;
	private final Posts posts;
	private final CommuneInfo info;
	private final CommonProcedures common;
	private final org.springframework.context.MessageSource messages;

	CommuneSiteController(Units units, Villages villages, Posts posts, CommuneInfo info, CommonProcedures common,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.units = units;
		this.villages = villages;
		this.posts = posts;
		this.info = info;
		this.common = common;
	}

	@GetMapping("/x/{communeCode}")
	@Nullable String commune(@PathVariable String communeCode, ServletWebRequest request, Model model) {
		var commune = commune(communeCode);
		if (Conditional.notModified(request, posts.lastModified(communeCode), "home")) {
			return null;
		}
		base(model, commune);
		model.addAttribute("notices", posts.published(communeCode, "notice", null, null, 0, 5).items());
		model.addAttribute("news", posts.published(communeCode, "news", null, null, 0, 4).items());
		model.addAttribute("law", posts.published(communeCode, "law", null, null, 0, 3).items());
		model.addAttribute("common", common.forCommune(commune.code(), org.springframework.web.servlet.support.RequestContextUtils.getLocale(request.getRequest())));
		return "portal/commune";
	}

	@GetMapping({ "/x/{communeCode}/notices", "/x/{communeCode}/news", "/x/{communeCode}/law" })
	@Nullable String list(@PathVariable String communeCode, PortalForms.ListQuery query, ServletWebRequest request, Model model) {
		var commune = commune(communeCode);
		var path = request.getRequest().getRequestURI();
		var slug = path.substring(path.lastIndexOf('/') + 1);
		var kind = "notices".equals(slug) ? "notice" : slug;
		var village = parseLong(query.village());
		var category = PortalForms.nz(query.category()).strip();
		if (category.length() > 60) {
			category = "";
		}
		int page = Math.max(0, (int) Math.min(10_000, parseLong(query.page()) == null ? 0 : parseLong(query.page())));
		if (Conditional.notModified(request, posts.lastModified(communeCode), kind + "|" + village + "|" + category + "|" + page)) {
			return null;
		}
		base(model, commune);
		var listing = posts.published(communeCode, kind, category.isEmpty() ? null : category, village, page * Paging.DEFAULT_SIZE,
				Paging.DEFAULT_SIZE);
		var clean = new LinkedHashMap<String, String>();
		if (village != null) {
			clean.put("village", String.valueOf(village));
		}
		if (!category.isEmpty()) {
			clean.put("category", category);
		}
		model.addAttribute("kind", kind);
		model.addAttribute("slug", slug);
		model.addAttribute("village", village);
		model.addAttribute("category", category);
		model.addAttribute("categories", posts.categories(communeCode, kind));
		model.addAttribute("listing", listing);
		model.addAttribute("paging", Paging.of(page, listing.total(), path, clean));
		return "portal/posts";
	}

	@GetMapping("/x/{communeCode}/posts/{id}")
	@Nullable String post(@PathVariable String communeCode, @PathVariable long id, ServletWebRequest request, Model model) {
		var commune = commune(communeCode);
		var post = posts.publishedOne(communeCode, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var changed = post.updatedAt().isAfter(post.publishAt()) ? post.updatedAt() : post.publishAt();
		if (Conditional.notModified(request, changed, "post|" + id)) {
			return null;
		}
		base(model, commune);
		model.addAttribute("post", post);
		model.addAttribute("attachments", posts.attachments(communeCode, id));
		model.addAttribute("postVillages", villageNames(communeCode, post.villageIds()));
		return "portal/post";
	}

	@GetMapping("/x/{communeCode}/posts/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable String communeCode, @PathVariable long id, @PathVariable long fileId) {
		commune(communeCode);
		var file = posts.publicAttachment(communeCode, id, fileId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var ext = file.contentType().equals("application/pdf") ? ".pdf" : file.contentType().equals("image/png") ? ".png" : ".jpg";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("tep-" + id + "-" + fileId + ext, StandardCharsets.UTF_8).build().toString())
			.body(file.bytes());
	}

	@GetMapping("/x/{communeCode}/search")
	String search(@PathVariable String communeCode, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") String page,
			java.util.Locale locale, Model model) {
		var commune = commune(communeCode);
		base(model, commune);
		var query = q.strip();
		String problem = null;
		Posts.Listing listing = new Posts.Listing(List.of(), 0);
		int p = Math.max(0, (int) Math.min(10_000, parseLong(page) == null ? 0 : parseLong(page)));
		if (query.length() > 100) {
			problem = messages.getMessage("portal.error.searchLong", null, locale);
		}
		else if (!query.isEmpty()) {
			listing = posts.search(communeCode, query, p * Paging.DEFAULT_SIZE, Paging.DEFAULT_SIZE);
		}
		model.addAttribute("q", query);
		model.addAttribute("problem", problem);
		model.addAttribute("listing", listing);
		model.addAttribute("paging", Paging.of(p, listing.total(), "/x/" + communeCode + "/search", Map.of("q", query)));
		return "portal/search";
	}

	@GetMapping("/x/{communeCode}/schedule")
	@Nullable String schedule(@PathVariable String communeCode, @RequestParam(defaultValue = "") String week, ServletWebRequest request,
			Model model) {
		var commune = commune(communeCode);
		LocalDate day;
		try {
			day = week.isBlank() ? LocalDate.now(VIETNAM) : LocalDate.parse(week.strip());
		}
		catch (DateTimeParseException e) {
			day = LocalDate.now(VIETNAM);
		}
		var monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
		if (Conditional.notModified(request, posts.lastModified(communeCode), "schedule|" + monday + "|" + LocalDate.now(VIETNAM))) {
			return null;
		}
		base(model, commune);
		model.addAttribute("monday", monday);
		model.addAttribute("entries", info.week(communeCode, monday));
		return "portal/schedule";
	}

	@GetMapping("/x/{communeCode}/contacts")
	@Nullable String contacts(@PathVariable String communeCode, ServletWebRequest request, Model model) {
		var commune = commune(communeCode);
		if (Conditional.notModified(request, posts.lastModified(communeCode), "contacts")) {
			return null;
		}
		base(model, commune);
		model.addAttribute("contacts", info.publicContacts(communeCode));
		return "portal/contacts";
	}

	@GetMapping(value = "/x/{communeCode}/feed.atom", produces = "application/atom+xml;charset=UTF-8")
	ResponseEntity<String> feed(@PathVariable String communeCode, ServletWebRequest request) {
		var commune = commune(communeCode);
		var changed = posts.lastModified(communeCode);
		if (Conditional.notModified(request, changed, "atom")) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
		}
		var base = baseUrl(request);
		var items = posts.published(communeCode, null, null, null, 0, 30).items();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(Feeds.atom(base, commune, items, changed));
	}

	@GetMapping(value = "/sitemap.xml", produces = "application/xml;charset=UTF-8")
	ResponseEntity<String> sitemap(ServletWebRequest request) {
		var entries = posts.sitemap(50_000 - 1000);
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
			.contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
			.body(Feeds.sitemap(baseUrl(request), entries));
	}

	private static String baseUrl(ServletWebRequest request) {
		var r = request.getRequest();
		var port = r.getServerPort();
		var defaultPort = ("http".equals(r.getScheme()) && port == 80) || ("https".equals(r.getScheme()) && port == 443);
		return r.getScheme() + "://" + r.getServerName() + (defaultPort ? "" : ":" + port);
	}

	private void base(Model model, Unit commune) {
		model.addAttribute("commune", commune);
		model.addAttribute("province", units.find(commune.provinceCode()).map(Unit::name).orElse(""));
		model.addAttribute("villages", villages.list(commune.code()).stream().filter(Village::active).toList());
	}

	private List<String> villageNames(String communeCode, List<Long> ids) {
		return villages.list(communeCode).stream().filter(v -> ids.contains(v.id())).map(Village::fullName).toList();
	}

	private Unit commune(String communeCode) {
		if (!communeCode.matches("[0-9]{5}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static @Nullable Long parseLong(@Nullable String s) {
		if (s == null || s.isBlank() || s.length() > 18 || !s.strip().matches("[0-9]+")) {
			return null;
		}
		return Long.parseLong(s.strip());
	}

	static boolean isKind(String kind) {
		return Post.KINDS.contains(kind);
	}
}
