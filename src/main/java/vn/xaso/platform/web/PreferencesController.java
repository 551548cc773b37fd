package vn.xaso.platform.web;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** Reader preferences that work without JavaScript (a form post), and the design-system page. */
@Controller
class PreferencesController {

	@PostMapping("/preferences/text-size")
	String textSize(@RequestParam(defaultValue = "normal") String size, @RequestParam(defaultValue = "/") String back,
			HttpServletResponse response) {
		var cookie = ResponseCookie.from(PageAdvice.TEXT_SIZE_COOKIE, "large".equals(size) ? "large" : "normal")
			.path("/")
			.maxAge(Duration.ofDays(365))
			.sameSite("Lax")
			.httpOnly(true)
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		// Only local paths: never redirect to another site.
		var target = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
		return "redirect:" + target;
	}

	@GetMapping("/design")
	String design() {
		return "platform/design";
	}
}
