package vn.xaso.portal.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.xaso.platform.render.Markup;
import vn.xaso.portal.Post;
import vn.xaso.portal.Posts;
import vn.xaso.units.Unit;

/** Atom 1.0 (RFC 4287) feed of a commune's posts and the sitemaps.org sitemap, written as plain XML. */
final class Feeds {

	private Feeds() {
	}

	static String atom(String base, Unit commune, List<Post> posts, Instant updated) {
		var home = base + "/x/" + commune.code();
		var xml = new StringBuilder(4096);
		xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
		xml.append("  <title>").append(esc(commune.name())).append(" — thông báo, tin tức</title>\n");
		xml.append("  <id>").append(esc(home)).append("</id>\n");
		xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(home)).append("\"/>\n");
		xml.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(esc(home + "/feed.atom")).append("\"/>\n");
		xml.append("  <updated>").append(time(updated)).append("</updated>\n");
		xml.append("  <author><name>").append(esc("UBND " + commune.name())).append("</name></author>\n");
		for (var p : posts) {
			var link = home + "/posts/" + p.id();
			xml.append("  <entry>\n");
			xml.append("    <title>").append(esc(p.title())).append("</title>\n");
			xml.append("    <id>").append(esc(link)).append("</id>\n");
			xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(esc(link)).append("\"/>\n");
			xml.append("    <published>").append(time(p.publishAt())).append("</published>\n");
			var changed = p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt();
			xml.append("    <updated>").append(time(changed)).append("</updated>\n");
			xml.append("    <category term=\"").append(p.kind()).append("\" label=\"").append(esc(kindLabel(p.kind()))).append("\"/>\n");
			if (!p.category().isEmpty()) {
				xml.append("    <category term=\"").append(esc(p.category())).append("\"/>\n");
			}
			xml.append("    <summary type=\"text\">").append(esc(p.summary().isEmpty() ? abbreviate(p.body(), 300) : p.summary())).append("</summary>\n");
			xml.append("  </entry>\n");
		}
		return xml.append("</feed>\n").toString();
	}

	static String sitemap(String base, List<Posts.SitemapEntry> entries) {
		var xml = new StringBuilder(8192);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		xml.append("  <url><loc>").append(esc(base + "/")).append("</loc></url>\n");
		for (var e : entries) {
			var loc = base + "/x/" + e.unitCode() + (e.postId() == null ? "" : "/posts/" + e.postId());
			xml.append("  <url><loc>").append(esc(loc)).append("</loc><lastmod>").append(time(e.changed())).append("</lastmod></url>\n");
		}
		return xml.append("</urlset>\n").toString();
	}

	static String kindLabel(String kind) {
		return switch (kind) {
			case "notice" -> "Thông báo";
			case "news" -> "Tin tức";
			default -> "Phổ biến pháp luật";
		};
	}

	private static String time(Instant t) {
		return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
	}

	static String abbreviate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
	}

	private static String esc(String s) {
		return Markup.escape(s);
	}
}
