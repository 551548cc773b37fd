package vn.xaso.party.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.party.internal.PartyViews;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.VietnameseText;

/**
 * What every party page shares: who calls (an official under {@code /party}, a citizen under {@code /citizen/dang}),
 * texts in the page's language, steps that go back to a page with a notice or the refusal, PDFs sent inline.
 * "Not a member" and "not your cell" are 404, "not your duty" 403.
 */
@Component("partyPages")
class PartyPages {

	static final String BUNDLE = "i18n/party";

	static PartyCaller caller(Authentication auth) {
		return switch (auth.getPrincipal()) {
			case OfficialPrincipal o -> PartyCaller.official(o.unitCode(), o.username());
			case CitizenPrincipal c -> PartyCaller.citizen(c.id());
			case null, default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
	}

	/** The caller's own address family: {@code /party} for officials, {@code /citizen/dang} for citizens. */
	static String base(PartyCaller caller) {
		return caller.isCitizen() ? "/citizen/dang" : "/party";
	}

	String t(String key, Object... args) {
		return Refusal.textIn(BUNDLE, LocaleContextHolder.getLocale(), key, args);
	}

	static void refuseAccess(PartyException e) {
		if (e.notFound()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (e.forbidden()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/** Runs a page's read; a refusal of access becomes 404 or 403. */
	static <T> T read(java.util.function.Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (PartyException e) {
			refuseAccess(e);
			throw e;
		}
	}

	/** A step: done → back with a notice; refused → back with the reason (404/403 for access). */
	String step(String back, RedirectAttributes redirect, Runnable action, String doneKey) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", t(doneKey));
		}
		catch (PartyException e) {
			refuseAccess(e);
			redirect.addFlashAttribute("error", e.localMessage());
		}
		return "redirect:" + back;
	}

	static byte[] bytes(@Nullable MultipartFile file) {
		try {
			return file == null ? new byte[0] : file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ResponseEntity<byte[]> pdf(PartyViews.Content content) {
		var name = VietnameseText.fold(content.title()).replaceAll("[^A-Za-z0-9-]+", "-");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename((name.isBlank() ? "tai-lieu" : name) + ".pdf", StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(content.pdf());
	}

	static long id(@Nullable String typed) {
		return typed != null && typed.strip().matches("[0-9]{1,18}") ? Long.parseLong(typed.strip()) : -1;
	}
}
