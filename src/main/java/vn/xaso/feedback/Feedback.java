package vn.xaso.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.feedback.internal.FeedbackMetrics;
import vn.xaso.feedback.internal.FeedbackNotifier;
import vn.xaso.feedback.internal.PhotoProcessor;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/**
 * Citizen feedback of a commune. Citizens and the public have no unit scope of their own, so the
 * methods they reach run in the commune's scope they name (row-level security still holds every
 * query to that one commune) and return only public fields, or — for a signed-in reporter — only
 * their own reports. Officials act in their own unit. Every change writes an audit entry and a
 * timeline event in the same transaction.
 */
@Service
public class Feedback {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	public static final int MAX_PHOTOS = 5;

	/** The categories every commune starts with: code, name, group, SLA in working days, description. */
	static final List<String[]> DEFAULT_CATEGORIES = List.of(
			new String[] { "MT-RAC", "Môi trường – rác thải", "moi-truong", "5", "Rác thải, nước thải, ô nhiễm, vệ sinh công cộng." },
			new String[] { "GT-DUONG", "Giao thông – đường hỏng", "giao-thong", "10", "Đường, cầu, cống hỏng; biển báo; ổ gà." },
			new String[] { "DIEN-CS", "Điện chiếu sáng", "ha-tang", "5", "Đèn đường hỏng, cột điện nghiêng, dây điện nguy hiểm." },
			new String[] { "ANTT", "An ninh trật tự", "an-ninh", "3", "Mất trật tự, tụ tập gây rối, lấn chiếm lòng đường." },
			new String[] { "TTHC", "Thủ tục hành chính", "hanh-chinh", "5", "Góp ý về giải quyết thủ tục, thái độ phục vụ." },
			new String[] { "KHAC", "Khác", "khac", "10", "Những việc khác cần chính quyền xã biết." });

	/** What a reporter sends. Photos are raw uploads; they are checked and re-encoded here. */
	public record NewReport(String unitCode, String categoryCode, String description, @Nullable Double lat,
			@Nullable Double lon, @Nullable String villageCode, String address, @Nullable Long citizenId, boolean anonymous,
			@Nullable String contactName, @Nullable String contactPhone, @Nullable String contactEmail, List<byte[]> photos,
			String source, @Nullable String mediaUrl, @Nullable Long apiKeyId) {
	}

	public record Created(String code, String token, long id) {
	}

	/** Filters of the officials' list; blank = any. {@code view}: "overdue" or "mine". */
	public record Search(@Nullable String q, @Nullable String status, @Nullable String category, @Nullable String handler,
			@Nullable String view, int page, int size) {
	}

	public record Row(long id, String code, String categoryName, String status, String description,
			@Nullable String handler, LocalDate dueDate, Instant createdAt, boolean anonymous, @Nullable String mergedIntoCode) {

		public boolean overdue(LocalDate today) {
			return (FeedbackReport.NEW.equals(status) || FeedbackReport.IN_PROGRESS.equals(status)) && dueDate.isBefore(today);
		}
	}

	public record Listing<T>(List<T> rows, long total) {
	}

	/** Filters of the public list and Open311 GET requests. */
	public record PublicSearch(@Nullable List<String> codes, @Nullable List<String> categoryCodes,
			@Nullable Instant from, @Nullable Instant to, @Nullable List<String> statuses, @Nullable String q, int offset,
			int limit) {
	}

	public record Handler(String username, String fullName) {
	}

	public record Photo(byte[] content) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final WorkingCalendar calendar;
	private final Units units;
	private final Villages villages;
	private final Accounts accounts;
	private final FeedbackNotifier notifier;
	private final FeedbackMetrics metrics;
	private final Clock clock;
	private final int reopenDays;
	private final long maxPhotoBytes;

	Feedback(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, WorkingCalendar calendar, Units units,
			Villages villages, Accounts accounts, FeedbackNotifier notifier, FeedbackMetrics metrics, Clock clock,
			@Value("${xaso.feedback.reopen-days:7}") int reopenDays, @Value("${xaso.feedback.max-photo-mb:8}") int maxPhotoMb) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.calendar = calendar;
		this.units = units;
		this.villages = villages;
		this.accounts = accounts;
		this.notifier = notifier;
		this.metrics = metrics;
		this.clock = clock;
		this.reopenDays = reopenDays;
		this.maxPhotoBytes = maxPhotoMb * 1024L * 1024L;
	}

	public int reopenDays() {
		return reopenDays;
	}

	public long maxPhotoBytes() {
		return maxPhotoBytes;
	}

	/** The commune with this code, if it is one. */
	public Optional<Unit> commune(String code) {
		if (!code.matches("[0-9]{5}")) {
			return Optional.empty();
		}
		return units.find(code).filter(u -> Unit.COMMUNE.equals(u.level()));
	}

	/** The due date of a report received on {@code received}: the SLA's working days later, holidays skipped. */
	public LocalDate dueDate(LocalDate received, int slaDays) {
		return calendar.addWorkingDays(received, slaDays);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(VIETNAM));
	}

	// ---------------------------------------------------------------- categories

	/** The commune's categories, creating the default set the first time anyone asks. */
	public List<FeedbackCategory> categories(String unitCode) {
		return inUnit(unitCode, () -> {
			ensureCategories(unitCode);
			return jdbc.sql("select * from feedback_category where unit_code = ? and active order by sort_order, id")
				.param(unitCode)
				.query(Feedback::category)
				.list();
		});
	}

	public Optional<FeedbackCategory> category(String unitCode, String code) {
		return categories(unitCode).stream().filter(c -> c.code().equals(code)).findFirst();
	}

	private void ensureCategories(String unitCode) {
		int order = 0;
		var present = jdbc.sql("select count(*) from feedback_category where unit_code = ?").param(unitCode).query(Long.class).single();
		if (present > 0) {
			return;
		}
		for (var c : DEFAULT_CATEGORIES) {
			jdbc.sql("""
					insert into feedback_category (unit_code, code, name, group_name, sla_days, description, keywords, sort_order)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
				.params(unitCode, c[0], c[1], c[2], Integer.parseInt(c[3]), c[4], c[1].toLowerCase(Locale.ROOT), order++)
				.update();
		}
	}

	// ---------------------------------------------------------------- reporting

	/** Checks, stores and audits a new report; returns its public code and Open311 token. */
	public Created submit(NewReport in) {
		var unit = commune(in.unitCode()).orElseThrow(() -> new FeedbackException("unit", "Không tìm thấy xã, phường này."));
		var category = category(unit.code(), in.categoryCode().strip())
			.orElseThrow(() -> new FeedbackException("category", "Hãy chọn loại phản ánh trong danh sách."));
		var description = in.description() == null ? "" : in.description().strip();
		if (description.length() < 10) {
			throw new FeedbackException("description", "Hãy mô tả sự việc (ít nhất 10 ký tự).");
		}
		if (description.length() > 2000) {
			throw new FeedbackException("description", "Nội dung dài quá 2.000 ký tự (bạn đã nhập " + description.length() + ").");
		}
		if ((in.lat() == null) != (in.lon() == null)) {
			throw new FeedbackException("lat", "Hãy nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.");
		}
		if (in.lat() != null && (in.lat() < 8.0 || in.lat() > 23.5 || in.lon() < 102.0 || in.lon() > 110.0)) {
			throw new FeedbackException("lat", "Vị trí nằm ngoài lãnh thổ Việt Nam: hãy chọn thôn và ghi địa chỉ.");
		}
		String villageCode = blank(in.villageCode());
		if (villageCode != null && villages.list(unit.code()).stream().noneMatch(v -> v.active() && v.code().equals(villageCode))) {
			throw new FeedbackException("village", "Thôn, tổ dân phố này không thuộc xã.");
		}
		var address = in.address() == null ? "" : in.address().strip();
		if (address.length() > 300) {
			throw new FeedbackException("address", "Địa chỉ dài quá 300 ký tự.");
		}
		if (in.lat() == null && villageCode == null && address.isEmpty()) {
			throw new FeedbackException("lat", "Hãy cho biết nơi xảy ra sự việc: chọn thôn, ghi địa chỉ hoặc dùng vị trí của bạn.");
		}
		var name = limit(blank(in.contactName()), 100, "contactName", "Họ tên dài quá 100 ký tự.");
		String phone = null;
		if (blank(in.contactPhone()) != null) {
			phone = PersonalData.normalisePhone(in.contactPhone());
			if (phone == null) {
				throw new FeedbackException("contactPhone", "Số điện thoại chưa đúng, ví dụ 0912345678.");
			}
		}
		var email = limit(blank(in.contactEmail()), 200, "contactEmail", "Địa chỉ thư điện tử dài quá 200 ký tự.");
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new FeedbackException("contactEmail", "Địa chỉ thư điện tử chưa đúng, ví dụ ten@example.vn.");
		}
		var mediaUrl = limit(blank(in.mediaUrl()), 1000, "media_url", "media_url dài quá 1000 ký tự.");
		if (mediaUrl != null && !mediaUrl.matches("https?://\\S+")) {
			throw new FeedbackException("media_url", "media_url phải là một địa chỉ http(s).");
		}
		if (in.photos().size() > MAX_PHOTOS) {
			throw new FeedbackException("photos", "Chỉ gửi được tối đa " + MAX_PHOTOS + " ảnh.");
		}
		var photos = new ArrayList<PhotoProcessor.Processed>();
		for (int i = 0; i < in.photos().size(); i++) {
			photos.add(PhotoProcessor.process(in.photos().get(i), "photos", i + 1, maxPhotoBytes));
		}
		var finalPhone = phone;
		var actor = in.citizenId() != null ? "citizen:" + in.citizenId() : "open311".equals(in.source()) ? "open311" : "anonymous";
		return inUnit(unit.code(), () -> {
			long seq = jdbc.sql("""
					insert into feedback_counter (unit_code, next_value) values (?, 2)
					on conflict (unit_code) do update set next_value = feedback_counter.next_value + 1
					returning next_value - 1""").param(unit.code()).query(Long.class).single();
			var code = "PA-" + unit.code() + "-" + String.format("%06d", seq);
			var token = UUID.randomUUID().toString();
			var due = dueDate(today(), category.slaDays());
			long id = jdbc.sql("""
					insert into feedback_report (unit_code, code, token, category_id, description, lat, lon, village_code, address,
					  citizen_id, anonymous, contact_name, contact_phone, contact_email, status, due_date, media_url, source, api_key_id,
					  created_at, updated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?) returning id""")
				.params(unit.code(), code, token, category.id(), description, in.lat(), in.lon(), villageCode, address,
						in.citizenId(), in.anonymous(), name, finalPhone, email, due, mediaUrl, in.source(), in.apiKeyId(),
						now(), now())
				.query(Long.class)
				.single();
			for (int i = 0; i < photos.size(); i++) {
				var p = photos.get(i);
				jdbc.sql("""
						insert into feedback_photo (unit_code, report_id, position, content_type, content, thumbnail, width, height)
						values (?, ?, ?, 'image/jpeg', ?, ?, ?, ?)""")
					.params(unit.code(), id, i + 1, p.content(), p.thumbnail(), p.width(), p.height())
					.update();
			}
			event(unit.code(), id, "created", actor, true, FeedbackReport.NEW, "");
			metrics.report(id);
			audit.record(AuditEvent.of(unit.code(), actor, "feedback.created").on("feedback_report", code)
				.change(null, "category=" + category.code() + ", photos=" + photos.size() + ", anonymous=" + in.anonymous()
						+ ", source=" + in.source()));
			return new Created(code, token, id);
		});
	}

	// ---------------------------------------------------------------- public reads

	public Optional<PublicReport> publicReport(String unitCode, String code) {
		return inUnit(unitCode, () -> jdbc.sql(PUBLIC_SELECT + " where r.unit_code = ? and r.code = ?")
			.params(unitCode, code)
			.query(this::publicReport)
			.optional());
	}

	/** Public timeline entries: internal notes left out, officials shown as "the commune". */
	public List<FeedbackEvent> publicEvents(String unitCode, String code) {
		return inUnit(unitCode, () -> jdbc.sql("""
				select e.*, r.code as report_code from feedback_event e join feedback_report r on r.id = e.report_id
				where r.unit_code = ? and r.code = ? and e.public order by e.id""")
			.params(unitCode, code)
			.query((rs, n) -> publicEvent(event(rs)))
			.list());
	}

	public Listing<PublicReport> publicSearch(String unitCode, PublicSearch s) {
		return inUnit(unitCode, () -> {
			var where = new StringBuilder(" where r.unit_code = ?");
			var params = new ArrayList<Object>();
			params.add(unitCode);
			if (s.codes() != null && !s.codes().isEmpty()) {
				where.append(" and r.code in (").append(String.join(",", s.codes().stream().map(c -> "?").toList())).append(")");
				params.addAll(s.codes());
			}
			if (s.categoryCodes() != null && !s.categoryCodes().isEmpty()) {
				where.append(" and c.code in (").append(String.join(",", s.categoryCodes().stream().map(c -> "?").toList())).append(")");
				params.addAll(s.categoryCodes());
			}
			if (s.from() != null) {
				where.append(" and r.created_at >= ?");
				params.add(Timestamp.from(s.from()));
			}
			if (s.to() != null) {
				where.append(" and r.created_at <= ?");
				params.add(Timestamp.from(s.to()));
			}
			if (s.statuses() != null && !s.statuses().isEmpty()) {
				where.append(" and r.status in (").append(String.join(",", s.statuses().stream().map(c -> "?").toList())).append(")");
				params.addAll(s.statuses());
			}
			if (s.q() != null && !s.q().isBlank()) {
				where.append(" and (r.description ilike ? or r.code ilike ?)");
				var like = "%" + s.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				params.add(like);
				params.add(like);
			}
			long total = jdbc.sql("select count(*) from feedback_report r join feedback_category c on c.id = r.category_id" + where)
				.params(params)
				.query(Long.class)
				.single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(s.limit());
			pageParams.add(s.offset());
			var rows = jdbc.sql(PUBLIC_SELECT + where + " order by r.created_at desc, r.id desc limit ? offset ?")
				.params(pageParams)
				.query(this::publicReport)
				.list();
			return new Listing<>(rows, total);
		});
	}

	/** A photo's bytes; with {@code publicOnly}, only when an official marked the report's photos public. */
	public Optional<Photo> photo(String unitCode, long photoId, boolean thumbnail, boolean publicOnly) {
		return inUnit(unitCode, () -> jdbc.sql("select p." + (thumbnail ? "thumbnail" : "content")
				+ " from feedback_photo p join feedback_report r on r.id = p.report_id where p.id = ? and p.unit_code = ?"
				+ (publicOnly ? " and r.photos_public and r.status <> 'merged'" : ""))
			.params(photoId, unitCode)
			.query((rs, n) -> new Photo(rs.getBytes(1)))
			.optional());
	}

	/** The Open311 token's report code, once the report exists (always: reports are created in real time). */
	public Optional<String> codeOfToken(String unitCode, String token) {
		return inUnit(unitCode, () -> jdbc.sql("select code from feedback_report where unit_code = ? and token = ?")
			.params(unitCode, token)
			.query(String.class)
			.optional());
	}

	/** Public status changes of the commune after {@code afterId}, oldest first (the Open311 updates feed). */
	public List<FeedbackEvent> publicUpdates(String unitCode, long afterId, int limit) {
		return inUnit(unitCode, () -> jdbc.sql("""
				select e.*, r.code as report_code from feedback_event e join feedback_report r on r.id = e.report_id
				where e.unit_code = ? and e.public and e.id > ? order by e.id limit ?""")
			.params(unitCode, afterId, limit)
			.query((rs, n) -> publicEvent(event(rs)))
			.list());
	}

	// ---------------------------------------------------------------- the reporter

	/** A signed-in citizen's own reports in every commune, newest first. */
	public List<Row> mine(long citizenId) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql(ROW_SELECT
				+ " where r.citizen_id = ? order by r.created_at desc, r.id desc limit 200")
			.param(citizenId)
			.query(Feedback::row)
			.list()));
	}

	/** One of the citizen's own reports; empty for anyone else's. */
	public Optional<FeedbackReport> own(long citizenId, String code) {
		var unit = unitOfCode(code);
		if (unit == null) {
			return Optional.empty();
		}
		return inUnit(unit, () -> jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.code = ? and r.citizen_id = ?")
			.params(unit, code, citizenId)
			.query(this::report)
			.optional());
	}

	/** The reporter rates the answer, 1–5, once the report is answered or closed. */
	public void rate(long citizenId, String code, int rating) {
		var report = own(citizenId, code).orElseThrow(() -> new FeedbackException("code", "Không tìm thấy phản ánh của bạn."));
		if (rating < 1 || rating > 5) {
			throw new FeedbackException("rating", "Hãy chọn mức đánh giá từ 1 đến 5 sao.");
		}
		if (!FeedbackReport.ANSWERED.equals(report.status()) && !FeedbackReport.CLOSED.equals(report.status())) {
			throw new FeedbackException("rating", "Chỉ đánh giá được khi xã đã trả lời.");
		}
		inUnit(report.unitCode(), () -> {
			jdbc.sql("""
					update feedback_report set rating = ?, rated_at = ?, updated_at = ?,
					  first_rating = coalesce(first_rating, ?), first_rated_at = coalesce(first_rated_at, ?) where id = ?""")
				.params(rating, now(), now(), rating, now(), report.id())
				.update();
			event(report.unitCode(), report.id(), "rated", "citizen:" + citizenId, true, report.status(), rating + "/5");
			metrics.report(report.id());
			audit.record(AuditEvent.of(report.unitCode(), "citizen:" + citizenId, "feedback.rated").on("feedback_report", code)
				.change(report.rating() == null ? null : "rating=" + report.rating(), "rating=" + rating));
			return null;
		});
	}

	/** The reporter reopens an answered or closed report within the configured window; a new due date is set. */
	public void reopen(long citizenId, String code, String reason) {
		var report = own(citizenId, code).orElseThrow(() -> new FeedbackException("code", "Không tìm thấy phản ánh của bạn."));
		var why = reason == null ? "" : reason.strip();
		if (why.length() < 10 || why.length() > 2000) {
			throw new FeedbackException("reason", "Hãy ghi lý do mở lại (10 đến 2.000 ký tự).");
		}
		if (!FeedbackReport.ANSWERED.equals(report.status()) && !FeedbackReport.CLOSED.equals(report.status())) {
			throw new FeedbackException("reason", "Chỉ mở lại được phản ánh đã được trả lời hoặc đã đóng.");
		}
		var since = report.closedAt() != null ? report.closedAt() : report.answeredAt();
		if (since == null || since.plus(Duration.ofDays(reopenDays)).isBefore(clock.instant())) {
			throw new FeedbackException("reason", "Đã quá " + reopenDays + " ngày kể từ khi xã trả lời nên không mở lại được. "
					+ "Bạn có thể gửi một phản ánh mới.");
		}
		inUnit(report.unitCode(), () -> {
			var due = dueDate(today(), report.category().slaDays());
			jdbc.sql("""
					update feedback_report set status = 'in_progress', closed_at = null, rating = null, rated_at = null,
					  due_date = ?, updated_at = ? where id = ?""")
				.params(due, now(), report.id())
				.update();
			event(report.unitCode(), report.id(), "reopened", "citizen:" + citizenId, true, FeedbackReport.IN_PROGRESS, why);
			metrics.report(report.id());
			audit.record(AuditEvent.of(report.unitCode(), "citizen:" + citizenId, "feedback.reopened").on("feedback_report", code)
				.change("status=" + report.status(), "status=in_progress, due=" + due));
			return null;
		});
	}

	// ---------------------------------------------------------------- officials

	public Listing<Row> search(FeedbackActor actor, Search s) {
		return inUnit(actor.unitCode(), () -> {
			var where = new StringBuilder(" where r.unit_code = ?");
			var params = new ArrayList<Object>();
			params.add(actor.unitCode());
			if (blank(s.status()) != null) {
				if (!FeedbackReport.STATUSES.contains(s.status())) {
					throw new FeedbackException("status", "Trạng thái không có trong danh sách.");
				}
				where.append(" and r.status = ?");
				params.add(s.status());
			}
			if (blank(s.category()) != null) {
				where.append(" and c.code = ?");
				params.add(s.category());
			}
			if (blank(s.handler()) != null) {
				where.append(" and r.handler = ?");
				params.add(s.handler());
			}
			if ("mine".equals(s.view())) {
				where.append(" and r.handler = ?");
				params.add(actor.username());
			}
			if ("overdue".equals(s.view())) {
				where.append(" and r.status in ('new', 'in_progress') and r.due_date < ?");
				params.add(today());
			}
			if (blank(s.q()) != null) {
				if (s.q().length() > 100) {
					throw new FeedbackException("q", "Từ khóa dài quá 100 ký tự.");
				}
				where.append(" and (r.description ilike ? or r.code ilike ? or r.address ilike ?)");
				var like = "%" + s.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				params.add(like);
				params.add(like);
				params.add(like);
			}
			long total = jdbc.sql("select count(*) from feedback_report r join feedback_category c on c.id = r.category_id" + where)
				.params(params).query(Long.class).single();
			var pageParams = new ArrayList<>(params);
			pageParams.add(s.size());
			pageParams.add(s.page() * s.size());
			var rows = jdbc.sql(ROW_SELECT + where + " order by case when r.status in ('new','in_progress') then 0 else 1 end, r.due_date, r.id desc limit ? offset ?")
				.params(pageParams).query(Feedback::row).list();
			return new Listing<>(rows, total);
		});
	}

	public Optional<FeedbackReport> find(FeedbackActor actor, long id) {
		return inUnit(actor.unitCode(), () -> jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.id = ?")
			.params(actor.unitCode(), id)
			.query(this::report)
			.optional());
	}

	/** Every timeline entry, internal notes included, for the commune's officials. */
	public List<FeedbackEvent> events(FeedbackActor actor, long id) {
		return inUnit(actor.unitCode(), () -> jdbc.sql("""
				select e.*, r.code as report_code from feedback_event e join feedback_report r on r.id = e.report_id
				where r.unit_code = ? and r.id = ? order by e.id""")
			.params(actor.unitCode(), id)
			.query((rs, n) -> event(rs))
			.list());
	}

	/** Reports merged into this one. */
	public List<String> duplicatesOf(FeedbackActor actor, long id) {
		return inUnit(actor.unitCode(), () -> jdbc.sql("select code from feedback_report where unit_code = ? and merged_into = ? order by id")
			.params(actor.unitCode(), id).query(String.class).list());
	}

	public List<Handler> handlers(FeedbackActor actor) {
		return accounts.list(actor.unitCode(), null, 0, 200).items().stream()
			.filter(o -> o.active() && !o.roles().contains(Role.PROVINCE_VIEWER))
			.map(o -> new Handler(o.username(), o.fullName()))
			.toList();
	}

	public void assign(FeedbackActor actor, long id, String handler) {
		requireHandler(actor);
		var who = handler == null ? "" : handler.strip();
		if (handlers(actor).stream().noneMatch(h -> h.username().equals(who))) {
			throw new FeedbackException("handler", "Hãy chọn người xử lý trong danh sách cán bộ của xã.");
		}
		change(actor, id, r -> {
			requireOpen(r);
			jdbc.sql("update feedback_report set handler = ?, status = 'in_progress', updated_at = ? where id = ?")
				.params(who, now(), r.id()).update();
			event(r.unitCode(), r.id(), "assigned", actor.username(), true, FeedbackReport.IN_PROGRESS, "");
			event(r.unitCode(), r.id(), "assigned-to", actor.username(), false, FeedbackReport.IN_PROGRESS, who);
			return AuditEvent.of(r.unitCode(), actor.username(), "feedback.assigned").on("feedback_report", r.code())
				.change("handler=" + r.handler() + ", status=" + r.status(), "handler=" + who + ", status=in_progress");
		});
	}

	/** An internal note: never shown publicly, never in Open311. */
	public void note(FeedbackActor actor, long id, String text) {
		requireHandler(actor);
		var note = text == null ? "" : text.strip();
		if (note.isEmpty() || note.length() > 2000) {
			throw new FeedbackException("note", "Hãy ghi nội dung ghi chú (1 đến 2.000 ký tự).");
		}
		change(actor, id, r -> {
			event(r.unitCode(), r.id(), "note", actor.username(), false, r.status(), note);
			return AuditEvent.of(r.unitCode(), actor.username(), "feedback.noted").on("feedback_report", r.code());
		});
	}

	/** The public answer; the reporter is notified. */
	public void answer(FeedbackActor actor, long id, String text) {
		requireHandler(actor);
		var answer = text == null ? "" : text.strip();
		if (answer.length() < 10 || answer.length() > 4000) {
			throw new FeedbackException("answer", "Hãy viết câu trả lời cho người phản ánh (10 đến 4.000 ký tự).");
		}
		var report = change(actor, id, r -> {
			if (FeedbackReport.MERGED.equals(r.status())) {
				throw new FeedbackException("answer", "Phản ánh đã gộp vào " + r.mergedIntoCode() + ": hãy trả lời ở phản ánh đó.");
			}
			jdbc.sql("""
					update feedback_report set answer = ?, answered_at = ?, answered_by = ?, status = 'answered', updated_at = ?,
					  first_answered_at = coalesce(first_answered_at, ?), first_answer_due = coalesce(first_answer_due, due_date)
					where id = ?""")
				.params(answer, now(), actor.username(), now(), now(), r.id()).update();
			event(r.unitCode(), r.id(), "answered", actor.username(), true, FeedbackReport.ANSWERED, answer);
			metrics.report(r.id());
			return AuditEvent.of(r.unitCode(), actor.username(), "feedback.answered").on("feedback_report", r.code())
				.change("status=" + r.status(), "status=answered");
		});
		notifyReporters(actor, report, "notify.feedback.answered");
	}

	public void close(FeedbackActor actor, long id, String text) {
		requireHandler(actor);
		var note = text == null ? "" : text.strip();
		if (note.length() > 2000) {
			throw new FeedbackException("closeNote", "Ghi chú khi đóng dài quá 2.000 ký tự.");
		}
		var report = change(actor, id, r -> {
			if (FeedbackReport.CLOSED.equals(r.status()) || FeedbackReport.MERGED.equals(r.status())) {
				throw new FeedbackException("closeNote", "Phản ánh này đã đóng.");
			}
			if (r.answer() == null && note.length() < 10) {
				throw new FeedbackException("closeNote", "Phản ánh chưa có câu trả lời: hãy ghi lý do đóng (ít nhất 10 ký tự), người phản ánh sẽ đọc được.");
			}
			jdbc.sql("""
					update feedback_report set status = 'closed', closed_at = ?, updated_at = ?,
					  first_closed_at = coalesce(first_closed_at, ?) where id = ?""")
				.params(now(), now(), now(), r.id()).update();
			event(r.unitCode(), r.id(), "closed", actor.username(), true, FeedbackReport.CLOSED, note);
			metrics.report(r.id());
			return AuditEvent.of(r.unitCode(), actor.username(), "feedback.closed").on("feedback_report", r.code())
				.change("status=" + r.status(), "status=closed");
		});
		notifyReporters(actor, report, "notify.feedback.closed");
	}

	/** Marks report {@code id} a duplicate of {@code keptCode}: it points to the kept report and follows it from now on. */
	public void merge(FeedbackActor actor, long id, String keptCode) {
		requireHandler(actor);
		var code = keptCode == null ? "" : keptCode.strip().toUpperCase(Locale.ROOT);
		var kept = inUnit(actor.unitCode(), () -> jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.code = ?")
			.params(actor.unitCode(), code).query(this::report).optional())
			.orElseThrow(() -> new FeedbackException("keptCode", "Không có phản ánh mã " + code + " trong xã."));
		if (kept.id() == id) {
			throw new FeedbackException("keptCode", "Không gộp được một phản ánh vào chính nó.");
		}
		if (FeedbackReport.MERGED.equals(kept.status())) {
			throw new FeedbackException("keptCode", "Phản ánh " + code + " cũng đã được gộp; hãy gộp vào " + kept.mergedIntoCode() + ".");
		}
		change(actor, id, r -> {
			if (FeedbackReport.MERGED.equals(r.status())) {
				throw new FeedbackException("keptCode", "Phản ánh này đã được gộp rồi.");
			}
			jdbc.sql("update feedback_report set status = 'merged', merged_into = ?, updated_at = ? where id = ?")
				.params(kept.id(), now(), r.id()).update();
			// Reports merged into the duplicate follow the kept one too.
			jdbc.sql("update feedback_report set merged_into = ?, updated_at = ? where merged_into = ?")
				.params(kept.id(), now(), r.id()).update();
			event(r.unitCode(), r.id(), "merged", actor.username(), true, FeedbackReport.MERGED, kept.code());
			event(r.unitCode(), kept.id(), "duplicate", actor.username(), true, kept.status(), r.code());
			return AuditEvent.of(r.unitCode(), actor.username(), "feedback.merged").on("feedback_report", r.code())
				.change("status=" + r.status(), "status=merged, into=" + kept.code());
		});
	}

	/** Whether the report's photos may be shown publicly (default: no). */
	public void setPhotosPublic(FeedbackActor actor, long id, boolean visible) {
		requireHandler(actor);
		change(actor, id, r -> {
			jdbc.sql("update feedback_report set photos_public = ?, updated_at = ? where id = ?").params(visible, now(), r.id()).update();
			event(r.unitCode(), r.id(), visible ? "photos-public" : "photos-hidden", actor.username(), false, r.status(), "");
			return AuditEvent.of(r.unitCode(), actor.username(), "feedback.photos").on("feedback_report", r.code())
				.change("public=" + r.photosPublic(), "public=" + visible);
		});
	}

	// ---------------------------------------------------------------- helpers

	private interface Change {
		AuditEvent apply(FeedbackReport locked);
	}

	private FeedbackReport change(FeedbackActor actor, long id, Change change) {
		return inUnit(actor.unitCode(), () -> {
			var report = jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.id = ? for update of r")
				.params(actor.unitCode(), id).query(this::report).optional()
				.orElseThrow(() -> new NotFound(id));
			audit.record(change.apply(report));
			return jdbc.sql(FULL_SELECT + " where r.id = ?").param(id).query(this::report).single();
		});
	}

	private void notifyReporters(FeedbackActor actor, FeedbackReport report, String template) {
		var followers = new ArrayList<FeedbackReport>();
		followers.add(report);
		inUnit(actor.unitCode(), () -> followers.addAll(jdbc.sql(FULL_SELECT + " where r.unit_code = ? and r.merged_into = ?")
			.params(actor.unitCode(), report.id()).query(this::report).list()));
		for (var f : followers) {
			notifier.notifyReporter(f, report, template);
		}
	}

	private static void requireHandler(FeedbackActor actor) {
		if (!actor.handles()) {
			throw new AccessDeniedException("feedback handlers only");
		}
	}

	private static void requireOpen(FeedbackReport r) {
		if (r.finished()) {
			throw new FeedbackException("handler", "Phản ánh đã trả lời, đóng hoặc gộp: không giao xử lý nữa.");
		}
	}

	/** Runs work in one transaction scoped to one commune. */
	private <T> T inUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	private void event(String unit, long reportId, String kind, String actor, boolean isPublic, String status, String text) {
		jdbc.sql("insert into feedback_event (unit_code, report_id, at, kind, actor, public, status, text) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unit, reportId, now(), kind, actor, isPublic, status, text)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private static @Nullable String unitOfCode(String code) {
		var m = java.util.regex.Pattern.compile("PA-([0-9]{5})-[0-9]{6}").matcher(code == null ? "" : code);
		return m.matches() ? m.group(1) : null;
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable String limit(@Nullable String s, int max, String field, String message) {
		if (s != null && s.length() > max) {
			throw new FeedbackException(field, message);
		}
		return s;
	}

	public static final class NotFound extends RuntimeException {
		public NotFound(Object id) {
			super("feedback report " + id + " not found");
		}
	}

	private static final String FULL_SELECT = """
			select r.*, c.id as c_id, c.unit_code as c_unit, c.code as c_code, c.name as c_name, c.description as c_description,
			  c.group_name as c_group, c.keywords as c_keywords, c.sla_days as c_sla,
			  (select m.code from feedback_report m where m.id = r.merged_into) as merged_code,
			  (select coalesce(string_agg(p.id::text, ',' order by p.position), '') from feedback_photo p where p.report_id = r.id) as photo_ids
			from feedback_report r join feedback_category c on c.id = r.category_id""";

	private static final String PUBLIC_SELECT = FULL_SELECT;

	private static final String ROW_SELECT = """
			select r.id, r.code, c.name as c_name, r.status, r.description, r.handler, r.due_date, r.created_at, r.anonymous,
			  (select m.code from feedback_report m where m.id = r.merged_into) as merged_code
			from feedback_report r join feedback_category c on c.id = r.category_id""";

	private static FeedbackCategory category(ResultSet rs, int n) throws SQLException {
		return new FeedbackCategory(rs.getLong("id"), rs.getString("unit_code"), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), rs.getString("group_name"), rs.getString("keywords"), rs.getInt("sla_days"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("c_name"), rs.getString("status"),
				rs.getString("description"), rs.getString("handler"), rs.getObject("due_date", LocalDate.class),
				rs.getTimestamp("created_at").toInstant(), rs.getBoolean("anonymous"), rs.getString("merged_code"));
	}

	private static List<Long> ids(String csv) {
		if (csv == null || csv.isEmpty()) {
			return List.of();
		}
		return java.util.Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
	}

	private static @Nullable Double dbl(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private FeedbackReport report(ResultSet rs, int n) throws SQLException {
		var category = new FeedbackCategory(rs.getLong("c_id"), rs.getString("c_unit"), rs.getString("c_code"), rs.getString("c_name"),
				rs.getString("c_description"), rs.getString("c_group"), rs.getString("c_keywords"), rs.getInt("c_sla"));
		Long citizen = rs.getObject("citizen_id", Long.class);
		Integer rating = rs.getInt("rating");
		if (rs.wasNull()) {
			rating = null;
		}
		return new FeedbackReport(rs.getLong("id"), rs.getString("unit_code"), rs.getString("code"), rs.getString("token"), category,
				rs.getString("description"), dbl(rs, "lat"), dbl(rs, "lon"), rs.getString("village_code"), rs.getString("address"),
				citizen, rs.getBoolean("anonymous"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"), rs.getString("status"),
				rs.getString("handler"), rs.getObject("due_date", LocalDate.class), rs.getString("answer"), instant(rs, "answered_at"),
				rs.getString("answered_by"), instant(rs, "closed_at"), rating, rs.getString("merged_code"), rs.getBoolean("photos_public"),
				rs.getString("media_url"), rs.getString("source"), instant(rs, "created_at"), instant(rs, "updated_at"),
				ids(rs.getString("photo_ids")));
	}

	private PublicReport publicReport(ResultSet rs, int n) throws SQLException {
		var r = report(rs, n);
		return new PublicReport(r.unitCode(), r.code(), r.category().code(), r.category().name(), PersonalData.maskAll(r.description()),
				r.lat(), r.lon(), r.villageCode(), PersonalData.maskAll(r.address()), r.status(), r.dueDate(),
				r.answer() == null ? null : PersonalData.maskAll(r.answer()), r.answeredAt(), r.closedAt(), r.mergedIntoCode(),
				r.createdAt(), r.updatedAt(), r.photosPublic() && !FeedbackReport.MERGED.equals(r.status()) ? r.photoIds() : List.of());
	}

	private static FeedbackEvent event(ResultSet rs) throws SQLException {
		return new FeedbackEvent(rs.getLong("id"), rs.getString("report_code"), rs.getTimestamp("at").toInstant(), rs.getString("kind"),
				rs.getString("actor"), rs.getBoolean("public"), rs.getString("status"), rs.getString("text"));
	}

	/** Hides who acted: "reporter" for a citizen, "commune" for an official. Texts are masked. */
	private static FeedbackEvent publicEvent(FeedbackEvent e) {
		var who = e.actor().startsWith("citizen:") || e.actor().equals("anonymous") || e.actor().equals("open311") ? "reporter" : "commune";
		return new FeedbackEvent(e.id(), e.reportCode(), e.at(), e.kind(), who, true, e.status(), PersonalData.maskAll(e.text()));
	}

	/** Counts by status for the officials' list header. */
	public java.util.Map<String, Long> counts(FeedbackActor actor) {
		return inUnit(actor.unitCode(), () -> {
			var map = new LinkedHashMap<String, Long>();
			FeedbackReport.STATUSES.forEach(s -> map.put(s, 0L));
			jdbc.sql("select status, count(*) from feedback_report where unit_code = ? group by status").param(actor.unitCode())
				.query((rs, n) -> map.put(rs.getString(1), rs.getLong(2))).list();
			return map;
		});
	}
}
