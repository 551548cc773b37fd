package vn.xaso.catalog.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.catalog.FeeSchedule;
import vn.xaso.catalog.FormDefinition;
import vn.xaso.catalog.RequiredPaper;
import vn.xaso.platform.Json;

/** The JSON stored in the catalogue's jsonb columns: fees, papers and the e-form. */
public final class CatalogJson {

	static final JsonMapper MAPPER = Json.MAPPER.rebuild()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private CatalogJson() {
	}

	/** Stored form of a {@link FeeSchedule}: a kind and the numbers that kind needs. */
	record FeeJson(String kind, @Nullable Long vnd, @Nullable String unit, @Nullable List<FeeSchedule.Tiered.Tier> tiers,
			@Nullable Long cap, @Nullable String note) {
	}

	public static String fees(FeeSchedule fees) {
		var json = switch (fees) {
			case FeeSchedule.Free f -> new FeeJson("free", null, null, null, null, f.note());
			case FeeSchedule.Fixed f -> new FeeJson("fixed", f.vndPerCopy(), null, null, null, null);
			case FeeSchedule.PerCase f -> new FeeJson("per-case", f.vnd(), f.unit(), null, null, null);
			case FeeSchedule.Tiered f -> new FeeJson("tiered", null, null, f.tiers(), f.capPerCopy(), null);
			case FeeSchedule.ProvinceDecided f -> new FeeJson("province", null, null, null, null, f.note());
		};
		return MAPPER.writeValueAsString(json);
	}

	public static FeeSchedule fees(String json) {
		return fees(MAPPER.readValue(json, FeeJson.class));
	}

	static FeeSchedule fees(FeeJson f) {
		return switch (f.kind()) {
			case "free" -> new FeeSchedule.Free(f.note());
			case "fixed" -> new FeeSchedule.Fixed(require(f.vnd()));
			case "per-case" -> new FeeSchedule.PerCase(require(f.vnd()), f.unit() == null ? "" : f.unit());
			case "tiered" -> new FeeSchedule.Tiered(f.tiers() == null ? List.of() : f.tiers(), f.cap() == null ? 0 : f.cap());
			case "province" -> new FeeSchedule.ProvinceDecided(f.note() == null ? "" : f.note());
			default -> throw new IllegalArgumentException("unknown fee kind " + f.kind());
		};
	}

	private static long require(@Nullable Long value) {
		if (value == null) {
			throw new IllegalArgumentException("fee amount missing");
		}
		return value;
	}

	public static String papers(List<RequiredPaper> papers) {
		return MAPPER.writeValueAsString(papers);
	}

	public static List<RequiredPaper> papers(String json) {
		return MAPPER.readValue(json, new TypeReference<List<RequiredPaper>>() {
		});
	}

	public static String form(FormDefinition form) {
		return MAPPER.writeValueAsString(form);
	}

	public static FormDefinition form(String json) {
		return MAPPER.readValue(json, FormDefinition.class);
	}
}
