package vn.xaso.feedback.internal;

import java.util.ArrayList;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.Feedback.Created;
import vn.xaso.feedback.Feedback.NewReport;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.render.JpegPhotos;
import vn.xaso.units.Villages;

/** Anyone reports a problem (the web form, Open311, the demo): checked, stored with its photos, audited, {@code FeedbackReceived}. */
@Service
public class ReceivingFeedback {

	private final FeedbackCategories categories;
	private final Villages villages;
	private final ReportTable table;
	private final ReportWork work;
	private final long maxPhotoBytes;

	ReceivingFeedback(FeedbackCategories categories, Villages villages, ReportTable table, ReportWork work,
			@Value("${xaso.feedback.max-photo-mb:8}") int maxPhotoMb) {
		this.categories = categories;
		this.villages = villages;
		this.table = table;
		this.work = work;
		this.maxPhotoBytes = maxPhotoMb * 1024L * 1024L;
	}

	public long maxPhotoBytes() {
		return maxPhotoBytes;
	}

	public Created submit(NewReport in) {
		var unit = categories.commune(in.unitCode()).orElseThrow(() -> new FeedbackException("unit", "feedback.error.unit"));
		var category = categories.find(unit.code(), in.categoryCode().strip())
			.orElseThrow(() -> new FeedbackException("category", "feedback.error.category"));
		var description = in.description() == null ? "" : in.description().strip();
		if (description.length() < 10) {
			throw new FeedbackException("description", "feedback.error.descriptionShort");
		}
		if (description.length() > 2000) {
			throw new FeedbackException("description", "feedback.error.descriptionLong", String.valueOf(description.length()));
		}
		if ((in.lat() == null) != (in.lon() == null)) {
			throw new FeedbackException("lat", "feedback.error.latLonPair");
		}
		if (in.lat() != null && (in.lat() < 8.0 || in.lat() > 23.5 || in.lon() < 102.0 || in.lon() > 110.0)) {
			throw new FeedbackException("lat", "feedback.error.outsideVietnam");
		}
		String villageCode = blank(in.villageCode());
		if (villageCode != null && villages.list(unit.code()).stream().noneMatch(v -> v.active() && v.code().equals(villageCode))) {
			throw new FeedbackException("village", "feedback.error.village");
		}
		var address = in.address() == null ? "" : in.address().strip();
		if (address.length() > 300) {
			throw new FeedbackException("address", "feedback.error.addressLong");
		}
		if (in.lat() == null && villageCode == null && address.isEmpty()) {
			throw new FeedbackException("lat", "feedback.error.where");
		}
		var name = limit(blank(in.contactName()), 100, "contactName", "feedback.error.nameLong");
		String phone = null;
		if (blank(in.contactPhone()) != null) {
			phone = PersonalData.normalisePhone(in.contactPhone());
			if (phone == null) {
				throw new FeedbackException("contactPhone", "feedback.error.phone");
			}
		}
		var email = limit(blank(in.contactEmail()), 200, "contactEmail", "feedback.error.emailLong");
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new FeedbackException("contactEmail", "feedback.error.email");
		}
		var mediaUrl = limit(blank(in.mediaUrl()), 1000, "media_url", "feedback.error.mediaUrlLong");
		if (mediaUrl != null && !mediaUrl.matches("https?://\\S+")) {
			throw new FeedbackException("media_url", "feedback.error.mediaUrl");
		}
		if (in.photos().size() > Feedback.MAX_PHOTOS) {
			throw new FeedbackException("photos", "feedback.error.photosMany", Feedback.MAX_PHOTOS);
		}
		var photos = new ArrayList<JpegPhotos.Resized>();
		for (int i = 0; i < in.photos().size(); i++) {
			photos.add(PhotoProcessor.process(in.photos().get(i), "photos", i + 1, maxPhotoBytes));
		}
		var finalPhone = phone;
		var actor = in.citizenId() != null ? "citizen:" + in.citizenId() : "open311".equals(in.source()) ? "open311" : "anonymous";
		return work.asUnit(unit.code(), () -> {
			var code = "PA-" + unit.code() + "-" + String.format("%06d", table.nextNumber(unit.code()));
			var token = UUID.randomUUID().toString();
			var received = new Report.Received(unit.code(), code, token, category.id(), description, in.lat(), in.lon(), villageCode,
					address, in.citizenId(), in.anonymous(), name, finalPhone, email, work.dueDate(work.today(), category.slaDays()),
					mediaUrl, in.source(), in.apiKeyId());
			long id = table.insert(received, work.now());
			for (int i = 0; i < photos.size(); i++) {
				table.insertPhoto(unit.code(), id, i + 1, photos.get(i));
			}
			var report = Report.of(table.get(id), actor);
			report.receive();
			work.record(report);
			work.audit(AuditEvent.of(unit.code(), actor, "feedback.created").on("feedback_report", code)
				.change(null, "category=" + category.code() + ", photos=" + photos.size() + ", anonymous=" + in.anonymous()
						+ ", source=" + in.source()));
			return new Created(code, token, id);
		});
	}

	static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable String limit(@Nullable String s, int max, String field, String key) {
		if (s != null && s.length() > max) {
			throw new FeedbackException(field, key);
		}
		return s;
	}
}
