/**
 * The public face of each commune: the landing page that finds a commune and the commune home
 * page at {@code /x/{communeCode}}, its notices, news and legal articles with attachments, the
 * leaders' schedule and contacts, the citizen app page; the officials' editor under {@code /portal}.
 * API: {@link vn.xaso.portal.Posts}, {@link vn.xaso.portal.ModulePosts} (other modules' own notices), {@link vn.xaso.portal.CommuneInfo}, the {@link vn.xaso.portal.PostAnnouncer}
 * port; events {@link vn.xaso.portal.PostPublished}, {@link vn.xaso.portal.PostWithdrawn},
 * {@link vn.xaso.portal.PostAnnounced}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "catalog", "identity", "notify", "radio", "units",
		"platform", "platform :: render", "platform :: tenancy", "platform :: web" })
package vn.xaso.portal;
