package vn.xaso.feedback.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.feedback.FeedbackCategory;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** Which communes take reports, and the kinds of problem each takes (the default set is created on first use). */
@Component
public class FeedbackCategories {

	/** The categories every commune starts with: code, name, group, SLA in working days, description. */
	static final List<String[]> DEFAULTS = List.of(
			new String[] { "MT-RAC", "Môi trường – rác thải", "moi-truong", "5", "Rác thải, nước thải, ô nhiễm, vệ sinh công cộng." },
			new String[] { "GT-DUONG", "Giao thông – đường hỏng", "giao-thong", "10", "Đường, cầu, cống hỏng; biển báo; ổ gà." },
			new String[] { "DIEN-CS", "Điện chiếu sáng", "ha-tang", "5", "Đèn đường hỏng, cột điện nghiêng, dây điện nguy hiểm." },
			new String[] { "ANTT", "An ninh trật tự", "an-ninh", "3", "Mất trật tự, tụ tập gây rối, lấn chiếm lòng đường." },
			new String[] { "TTHC", "Thủ tục hành chính", "hanh-chinh", "5", "Góp ý về giải quyết thủ tục, thái độ phục vụ." },
			new String[] { "KHAC", "Khác", "khac", "10", "Những việc khác cần chính quyền xã biết." });

	private final CategoryTable table;
	private final Units units;
	private final ReportWork work;

	FeedbackCategories(CategoryTable table, Units units, ReportWork work) {
		this.table = table;
		this.units = units;
		this.work = work;
	}

	/** The commune with this code, if it is one. */
	public Optional<Unit> commune(String code) {
		if (!code.matches("[0-9]{5}")) {
			return Optional.empty();
		}
		return units.find(code).filter(u -> Unit.COMMUNE.equals(u.level()));
	}

	public List<FeedbackCategory> of(String unitCode) {
		return work.asUnit(unitCode, () -> {
			if (!table.any(unitCode)) {
				int order = 0;
				for (var c : DEFAULTS) {
					table.insert(unitCode, c[0], c[1], c[2], Integer.parseInt(c[3]), c[4], c[1].toLowerCase(Locale.ROOT), order++);
				}
			}
			return table.active(unitCode);
		});
	}

	public Optional<FeedbackCategory> find(String unitCode, String code) {
		return of(unitCode).stream().filter(c -> c.code().equals(code)).findFirst();
	}
}
