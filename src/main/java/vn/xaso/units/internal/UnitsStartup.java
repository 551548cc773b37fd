package vn.xaso.units.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.units.UnitImporter;

/**
 * Loads the shipped units on the first start (an empty {@code admin_unit}), so a fresh commune
 * instance is usable at once; {@code java -jar xaso.jar import-units} re-runs the import on demand.
 * Ordered early: other modules' runners (demo data) need the units.
 */
@Component
@Order(10)
class UnitsStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UnitsStartup.class);

	private final UnitImporter importer;
	private final JdbcClient jdbc;

	UnitsStartup(UnitImporter importer, JdbcClient jdbc) {
		this.importer = importer;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if ("import-units".equals(System.getProperty("xaso.command"))) {
			System.out.println(importer.importShipped().describe());
			return;
		}
		var empty = !jdbc.sql("select exists (select 1 from admin_unit)").query(Boolean.class).single();
		if (empty) {
			log.info("No administrative units yet; importing the shipped data");
			importer.importShipped();
		}
	}
}
