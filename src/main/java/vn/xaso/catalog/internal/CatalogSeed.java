package vn.xaso.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.catalog.FormDefinition;
import vn.xaso.catalog.FormField;
import vn.xaso.catalog.OnlineMode;
import vn.xaso.catalog.ProcedureDraft;
import vn.xaso.catalog.ProcessingTime;
import vn.xaso.catalog.RequiredPaper;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Loads the national catalogue from {@code catalog/procedures.json} once per start. Idempotent: a
 * procedure whose content is unchanged is skipped; a changed entry is published as a new national
 * version, so dossiers on the older version keep it.
 */
@Component
public class CatalogSeed {

	public static final String RESOURCE = "catalog/procedures.json";
	private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

	private final ProcedureStore store;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private volatile boolean loaded;

	CatalogSeed(ProcedureStore store, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.store = store;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	public synchronized void ensureLoaded() {
		if (loaded) {
			return;
		}
		var drafts = read();
		int[] published = { 0 };
		Tenancy.runAs(UnitScope.systemWide(), () -> tx.executeWithoutResult(status -> {
			// Replicas starting together on an empty database seed one after the other; the second finds
			// every procedure unchanged and publishes nothing.
			store.lockSeed();
			for (var draft : drafts) {
				var hash = ProcedureStore.hash(draft);
				if (store.nationalHash(draft.code()).map(hash::equals).orElse(false)) {
					continue;
				}
				int version = store.latestVersion(null, draft.code()) + 1;
				long id = store.insert(null, version, draft, "system");
				events.publishEvent(AuditEvent.of(AuditLog.SYSTEM_UNIT, "system", "catalog.procedure.seeded")
					.on("procedure", draft.code())
					.change(null, "v" + version + " (id " + id + ", quốc gia): " + draft.name()));
				published[0]++;
			}
		}));
		log.info("Procedure catalogue: {} national procedures in {}, {} new versions published", drafts.size(),
				RESOURCE, published[0]);
		loaded = true;
	}

	/** Parses the seed file; fails the start when it is malformed (a packaging error, not user input). */
	public static List<ProcedureDraft> read() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			return parse(CatalogJson.MAPPER.readTree(in));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read " + RESOURCE, e);
		}
	}

	static List<ProcedureDraft> parse(JsonNode root) {
		var fieldSets = new java.util.HashMap<String, List<FormField>>();
		for (Map.Entry<String, JsonNode> set : root.path("fieldSets").properties()) {
			var fields = new ArrayList<FormField>();
			for (var node : set.getValue()) {
				fields.add(field(node));
			}
			fieldSets.put(set.getKey(), fields);
		}
		var drafts = new ArrayList<ProcedureDraft>();
		var codes = new java.util.HashSet<String>();
		for (var p : root.path("procedures")) {
			var code = text(p, "code");
			if (!codes.add(code)) {
				throw new IllegalStateException("Duplicate procedure " + code + " in " + RESOURCE);
			}
			var fields = new ArrayList<FormField>();
			for (var node : p.path("form")) {
				if (node.isString()) {
					var name = node.asString();
					var set = fieldSets.get(name.substring(1));
					if (!name.startsWith("@") || set == null) {
						throw new IllegalStateException("Unknown field set " + name + " in " + code);
					}
					fields.addAll(set);
				}
				else {
					fields.add(field(node));
				}
			}
			var papers = new ArrayList<RequiredPaper>();
			int n = 1;
			for (var paper : p.path("papers")) {
				papers.add(new RequiredPaper(paper.path("code").asString("P" + n), text(paper, "name"),
						paper.path("required").asBoolean(true), optional(paper, "note"), paper.path("filledByForm").asBoolean(false)));
				n++;
			}
			var time = p.path("time");
			var draft = new ProcedureDraft(code, text(p, "name"), text(p, "field"),
					new ProcessingTime(time.path("amount").asInt(0), ProcessingTime.Kind.valueOf(text(time, "kind")),
							LocalTime.parse(time.path("cutoff").asString("15:00"))),
					CatalogJson.fees(CatalogJson.MAPPER.treeToValue(p.path("fees"), CatalogJson.FeeJson.class)), papers,
					new FormDefinition(p.path("formVersion").asInt(1), fields), OnlineMode.valueOf(text(p, "onlineMode")),
					text(p, "resultTemplate"), text(p, "legalBasis"), text(p, "workflow"), text(p, "sources"));
			drafts.add(draft);
		}
		return drafts;
	}

	private static FormField field(JsonNode node) {
		var options = new ArrayList<String>();
		for (var o : node.path("options")) {
			options.add(o.asString());
		}
		return new FormField(text(node, "name"), text(node, "label"),
				vn.xaso.catalog.FieldType.valueOf(text(node, "type")), node.path("required").asBoolean(false),
				optional(node, "help"), node.path("maxLength").asInt(0), options, node.path("notFuture").asBoolean(false),
				node.has("min") ? Long.valueOf(node.get("min").asLong()) : null, node.has("max") ? Long.valueOf(node.get("max").asLong()) : null,
				optional(node, "prefill"));
	}

	private static String text(JsonNode node, String name) {
		var value = node.get(name);
		if (value == null || !value.isString()) {
			throw new IllegalStateException("Missing \"" + name + "\" in " + RESOURCE + ": " + node);
		}
		return value.asString();
	}

	private static @Nullable String optional(JsonNode node, String name) {
		var value = node.get(name);
		return value == null || value.isNull() ? null : value.asString();
	}
}
