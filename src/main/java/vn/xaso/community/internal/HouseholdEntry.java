package vn.xaso.community.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import vn.xaso.community.CommunityException;

/**
 * The household aggregate's entry rules: a household is kept only with consent (what and when), a
 * head with a name and a plausible year of birth, a 12-digit CCCD and a 10-digit phone when given.
 * Built through {@link #of}, which refuses bad input with a specific message; every value is
 * already cleaned (NFC, trimmed, blanks as null).
 */
public record HouseholdEntry(long villageId, String headName, int headBirthYear, @Nullable String headCccd,
		@Nullable String members, @Nullable String phone, String address, String consentWhat, LocalDate consentOn,
		boolean elderlyAlone, boolean disability, boolean poor) {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Raw values as typed or read from a file. */
	public record Input(@Nullable Long villageId, @Nullable String headName, @Nullable String headBirthYear,
			@Nullable String headCccd, @Nullable String members, @Nullable String phone, @Nullable String address,
			@Nullable String consentWhat, @Nullable String consentOn, boolean elderlyAlone, boolean disability, boolean poor) {
	}

	public static HouseholdEntry of(Input in) {
		if (in.villageId() == null) {
			throw new CommunityException("villageId", "community.error.village");
		}
		var name = clean(in.headName());
		if (name == null || name.length() > 100) {
			throw new CommunityException("headName", "community.error.headName");
		}
		int year;
		try {
			year = Integer.parseInt(clean(in.headBirthYear()) == null ? "" : clean(in.headBirthYear()));
		}
		catch (NumberFormatException e) {
			throw new CommunityException("headBirthYear", "community.error.birthYear");
		}
		var thisYear = LocalDate.now(VIETNAM).getYear();
		if (year < 1900 || year > thisYear - 14) {
			throw new CommunityException("headBirthYear", "community.error.birthYear");
		}
		var cccd = clean(in.headCccd());
		if (cccd != null && !cccd.matches("0[0-9]{11}")) {
			throw new CommunityException("headCccd", "community.error.cccd");
		}
		var phone = phone(in.phone());
		var address = clean(in.address());
		if (address == null || address.length() > 300) {
			throw new CommunityException("address", "community.error.address");
		}
		var members = clean(in.members());
		if (members != null && members.length() > 2000) {
			throw new CommunityException("members", "community.error.members");
		}
		var consent = clean(in.consentWhat());
		if (consent == null || consent.length() > 300) {
			throw new CommunityException("consentWhat", "community.error.consent");
		}
		LocalDate consentOn;
		try {
			consentOn = LocalDate.parse(clean(in.consentOn()) == null ? "" : clean(in.consentOn()));
		}
		catch (java.time.DateTimeException e) {
			throw new CommunityException("consentOn", "community.error.consentOn");
		}
		if (consentOn.isAfter(LocalDate.now(VIETNAM)) || consentOn.getYear() < 2000) {
			throw new CommunityException("consentOn", "community.error.consentOn");
		}
		return new HouseholdEntry(in.villageId(), name, year, cccd, members, phone, address, consent, consentOn,
				in.elderlyAlone(), in.disability(), in.poor());
	}

	/** A Vietnamese phone as 10 digits starting with 0 ({@code +84…} and spaces accepted), or null when blank. */
	static @Nullable String phone(@Nullable String raw) {
		var p = clean(raw);
		if (p == null) {
			return null;
		}
		p = p.replaceAll("[\\s.-]", "");
		if (p.startsWith("+84")) {
			p = "0" + p.substring(3);
		}
		if (!p.matches("0[35789][0-9]{8}|02[0-9]{8}")) {
			throw new CommunityException("phone", "community.error.phone");
		}
		return p;
	}

	static @Nullable String clean(@Nullable String s) {
		if (s == null) {
			return null;
		}
		var t = Normalizer.normalize(s, Normalizer.Form.NFC).strip();
		return t.isEmpty() ? null : t;
	}
}
