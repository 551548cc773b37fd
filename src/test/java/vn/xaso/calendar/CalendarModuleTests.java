package vn.xaso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import vn.xaso.XasoApplication;

class CalendarModuleTests {

	@Test
	void calendarIsAModuleThatRespectsBoundaries() {
		var modules = ApplicationModules.of(XasoApplication.class);
		assertThat(modules.getModuleByName("calendar")).isPresent();
		modules.verify();
	}
}
