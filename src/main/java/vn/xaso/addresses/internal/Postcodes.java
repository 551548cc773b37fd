package vn.xaso.addresses.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The 5-digit postcode of each 2025 commune ({@code classpath:addresses/postcodes-2025.csv}, provenance
 * beside it): reference data read once.
 */
@Component
public class Postcodes {

	private final Map<String, String> byCommune;

	public Postcodes() {
		var map = new HashMap<String, String>(4096);
		var in = Postcodes.class.getResourceAsStream("/addresses/postcodes-2025.csv");
		if (in == null) {
			throw new IllegalStateException("addresses/postcodes-2025.csv missing from the classpath");
		}
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			for (var line = reader.readLine(); line != null; line = reader.readLine()) {
				var cells = line.split(",", 3);
				if (cells.length >= 2 && cells[1].matches("[0-9]{5}")) {
					map.put(cells[0], cells[1]);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.byCommune = Map.copyOf(map);
	}

	public Optional<String> of(String communeCode) {
		return Optional.ofNullable(byCommune.get(communeCode));
	}

	public int size() {
		return byCommune.size();
	}
}
