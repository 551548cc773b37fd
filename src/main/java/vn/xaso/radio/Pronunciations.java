package vn.xaso.radio;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.internal.PronunciationTable;
import vn.xaso.radio.internal.VietnameseNormaliser;

/**
 * A commune's own pronunciation list (issue 21) and the spoken text of a bulletin: the commune's words are
 * replaced first (case-sensitive whole words, longest first), then {@link VietnameseNormaliser} reads numbers,
 * dates and the national abbreviations. The same function gives the preview on the compose page and the text
 * the engine reads, so what the official previews is what the loudspeakers say.
 */
@Service
public class Pronunciations {

	public static final int MAX_ENTRIES = 500;

	/** One entry: the written form and how it is read. */
	public record Entry(long id, String written, String spoken, String updatedBy) {
	}

	private static final Pattern WRITTEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&.\\-]{0,49}");
	private static final Pattern SPOKEN = Pattern.compile("[\\p{L}\\p{N} ,.\\-]{1,200}");

	private final PronunciationTable table;
	private final VietnameseNormaliser normaliser;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	Pronunciations(PronunciationTable table, VietnameseNormaliser normaliser, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.table = table;
		this.normaliser = normaliser;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	public List<Entry> list(String unit) {
		requireScope(unit);
		return in(unit, () -> table.list(unit));
	}

	/** Adds an entry or changes how an existing written form is read. */
	public void save(String actor, String unit, String written, String spoken) {
		requireScope(unit);
		var w = written == null ? "" : written.strip();
		var s = spoken == null ? "" : spoken.strip().replaceAll("\\s+", " ");
		if (!WRITTEN.matcher(w).matches()) {
			throw RadioException.of("written", "radio.error.written");
		}
		if (!SPOKEN.matcher(s).matches()) {
			throw RadioException.of("spoken", "radio.error.spoken");
		}
		in(unit, () -> {
			var before = table.find(unit, w);
			if (before.isEmpty() && table.count(unit) >= MAX_ENTRIES) {
				throw RadioException.of("written", "radio.error.pronunciationsFull", String.valueOf(MAX_ENTRIES));
			}
			long id = table.upsert(unit, w, s, actor);
			events.publishEvent(AuditEvent.of(unit, actor, "radio.pronunciation.saved").on("radio_pronunciation", id)
				.change(before.map(e -> e.written() + " = " + e.spoken()).orElse(null), w + " = " + s));
			return id;
		});
	}

	public void remove(String actor, String unit, long id) {
		requireScope(unit);
		in(unit, () -> {
			var removed = table.delete(unit, id).orElseThrow(() -> RadioException.of("id", "radio.error.noPronunciation"));
			events.publishEvent(AuditEvent.of(unit, actor, "radio.pronunciation.removed").on("radio_pronunciation", id)
				.change(removed.written() + " = " + removed.spoken(), null));
			return id;
		});
	}

	/** The words the engine reads for this commune's text: the commune's list, then the national rules. */
	public String spoken(String unit, String text) {
		return normaliser.normalise(applyList(in(unit, () -> table.list(unit)), text));
	}

	static String applyList(List<Entry> entries, String text) {
		if (entries.isEmpty() || text.isEmpty()) {
			return text;
		}
		var sorted = entries.stream().sorted(Comparator.comparingInt((Entry e) -> e.written().length()).reversed()).toList();
		var pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", sorted.stream().map(e -> Pattern.quote(e.written())).toList())
				+ ")(?![\\p{L}\\p{N}])");
		var m = pattern.matcher(text);
		var out = new StringBuilder();
		while (m.find()) {
			var word = m.group(1);
			var spoken = sorted.stream().filter(e -> e.written().equals(word)).findFirst().map(Entry::spoken).orElse(word);
			m.appendReplacement(out, Matcher.quoteReplacement(spoken));
		}
		m.appendTail(out);
		return out.toString();
	}

	private <T> T in(String unit, java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> work.get()));
	}

	private static void requireScope(String unit) {
		if (!Tenancy.current().sees(unit)) {
			throw new AccessDeniedException(RadioException.vietnamese("radio.error.notYourUnit"));
		}
	}
}
