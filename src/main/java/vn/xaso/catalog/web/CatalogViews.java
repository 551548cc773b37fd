package vn.xaso.catalog.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.catalog.FeeInput;
import vn.xaso.catalog.FeeSchedule;
import vn.xaso.catalog.FormField;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.RequiredPaper;

/** JSON shapes of the public API: stable, explicit, independent of the Java records. */
final class CatalogViews {

	private CatalogViews() {
	}

	record Summary(long versionId, String code, int version, String name, String field, String processingTime,
			String fees, String onlineMode, @Nullable String ownerUnit, String url) {

		static Summary of(Procedure p, @Nullable String unit) {
			return new Summary(p.versionId(), p.code(), p.version(), p.name(), p.field(), p.processingTime().describe(),
					p.fees().describe(), p.onlineMode().name(), p.ownerUnit(), PublicProceduresController.pageUrl(p.code(), unit));
		}
	}

	record PageView(List<Summary> items, int page, int size, long total, int pages) {
	}

	record Time(int amount, String kind, String cutoff, String text) {
	}

	record Fees(String kind, String text, boolean known, long singleCopyVnd, Map<String, Object> schedule) {

		static Fees of(FeeSchedule f) {
			Map<String, Object> schedule = switch (f) {
				case FeeSchedule.Free free -> free.note() == null ? Map.of() : Map.of("note", free.note());
				case FeeSchedule.Fixed fixed -> Map.of("vndPerCopy", fixed.vndPerCopy());
				case FeeSchedule.PerCase perCase -> Map.of("vnd", perCase.vnd(), "unit", perCase.unit());
				case FeeSchedule.Tiered tiered -> Map.of("tiers", tiered.tiers(), "capPerCopy", tiered.capPerCopy());
				case FeeSchedule.ProvinceDecided p -> Map.of("note", p.note());
			};
			var kind = switch (f) {
				case FeeSchedule.Free x -> "free";
				case FeeSchedule.Fixed x -> "fixed";
				case FeeSchedule.PerCase x -> "per-case";
				case FeeSchedule.Tiered x -> "tiered";
				case FeeSchedule.ProvinceDecided x -> "province";
			};
			return new Fees(kind, f.describe(), f.known(), f.amountVnd(FeeInput.single()), schedule);
		}
	}

	record Field(String name, String label, String type, boolean required, @Nullable String help, int maxLength,
			List<String> options, boolean notFuture) {

		static Field of(FormField f) {
			return new Field(f.name(), f.label(), f.type().name(), f.required(), f.help(), f.effectiveMaxLength(),
					f.options(), f.notFuture());
		}
	}

	record Form(int version, List<Field> fields) {
	}

	record Detail(long versionId, String code, int version, String name, String field, Time processingTime, Fees fees,
			List<RequiredPaper> papers, Form form, String onlineMode, String onlineModeText, String resultTemplate,
			String legalBasis, String workflow, String sources, @Nullable String ownerUnit, String url) {

		static Detail of(Procedure p, @Nullable String unit) {
			var t = p.processingTime();
			return new Detail(p.versionId(), p.code(), p.version(), p.name(), p.field(),
					new Time(t.amount(), t.kind().name(), t.cutoff().toString(), t.describe()), Fees.of(p.fees()), p.papers(),
					new Form(p.form().version(), p.form().fields().stream().map(Field::of).toList()), p.onlineMode().name(),
					p.onlineMode().describe(), p.resultTemplate(), p.legalBasis(), p.workflow(), p.sources(), p.ownerUnit(),
					PublicProceduresController.pageUrl(p.code(), unit));
		}
	}
}
