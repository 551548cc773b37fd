package vn.xaso.economy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Lot;
import vn.xaso.economy.LotEvent;
import vn.xaso.platform.Json;

/**
 * EPCIS 2.0 in JSON-LD: builds the events of a production diary and a batch's export document, and reads documents
 * captured from other systems. Every document accepted or emitted is validated against the bundled EPCIS 2.0 JSON
 * schema ({@value #SCHEMA}, see its README for provenance); then the rules a schema cannot say: every event names this
 * batch (its Digital Link URI in an EPC list, quantity list, parent or child), its time is not in the future.
 * XaSo's own fields are namespace-prefixed extensions: {@code xaso:step}, {@code xaso:note}. Diary lines are ObjectEvents,
 * packing an AggregationEvent, a processing step with input batches a TransformationEvent.
 */
@Component
class EpcisDocuments {

	static final String SCHEMA = "epcis/epcis-2.0-document.schema.json";
	static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
	static final String XASO_NS = "urn:xaso:epcis:";
	private static final int MAX_BYTES = 2 * 1024 * 1024;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	/** One event: its id, type, business step, time and JSON. */
	record Event(String eventId, String type, @Nullable String bizStep, Instant eventTime, String json) {
	}

	private final Schema schema;

	EpcisDocuments() {
		var config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		var registry = SchemaRegistry.withDialect(Dialects.getDraft202012(), builder -> builder.schemaRegistryConfig(config));
		try (var in = EpcisDocuments.class.getClassLoader().getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException("EPCIS schema missing from the classpath: " + SCHEMA);
			}
			this.schema = registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The first schema error of a document, or null when it is valid. */
	@Nullable
	String firstError(String json) {
		var errors = schema.validate(json, InputFormat.JSON);
		if (errors.isEmpty()) {
			return null;
		}
		var e = errors.get(0);
		return e.toString();
	}

	Event diaryEvent(Lot lot, LotEntry.Diary d) {
		var event = base(lot, d.step(), d.when());
		if (d.step() == LotStep.PACKED) {
			// packing: the batch (a class-level identifier, so in the child quantity list) aggregated into a pack or case
			event.put("type", "AggregationEvent");
			event.put("parentID", packUri(lot, d));
			var child = event.putArray("childQuantityList").addObject().put("epcClass", lot.epcClass());
			if (d.quantity() != null) {
				child.put("quantity", d.quantity());
			}
		}
		else {
			var quantity = event.putArray("quantityList").addObject().put("epcClass", lot.epcClass());
			if (d.quantity() != null) {
				quantity.put("quantity", d.quantity());
			}
		}
		if (d.step() == LotStep.PLANTED) {
			var ilmd = event.putObject("ilmd");
			ilmd.put("cbvmda:lotNumber", lot.lotNumber());
			if (lot.origin() != null) {
				ilmd.put("xaso:origin", lot.origin());
			}
		}
		if (d.plusCode() != null) {
			event.putObject("readPoint").put("id", "https://plus.codes/" + d.plusCode());
		}
		if (d.note() != null) {
			event.put("xaso:note", d.note());
		}
		if (d.step() == LotStep.PACKED) {
			// a repeated packing line (same batch, pack, time, quantity and note) is the same event: stored once
			event.remove("eventID");
			event.put("eventID", "urn:uuid:" + UUID.nameUUIDFromBytes(Json.MAPPER.writeValueAsBytes(event)));
		}
		return checked(event);
	}

	/**
	 * A processing step: the input batches (each with the quantity taken, in its product's unit) transformed into
	 * {@code output}. Batches are class-level identifiers (GTIN + lot), so they go in the input and output quantity
	 * lists. The eventID is name-based on the content: the same step sent twice is one event.
	 */
	Event transformationEvent(Lot output, List<Map.Entry<Lot, java.math.BigDecimal>> inputs, Instant when, @Nullable String note) {
		var event = Json.MAPPER.createObjectNode();
		event.put("type", "TransformationEvent");
		event.put("eventTime", TIME.format(when.atOffset(ZoneOffset.ofHours(7))));
		event.put("eventTimeZoneOffset", "+07:00");
		event.put("bizStep", LotStep.TRANSFORMED.bizStep());
		event.put("disposition", LotStep.TRANSFORMED.disposition());
		event.putObject("bizLocation").put("id", "urn:xaso:commune:" + output.unitCode());
		var in = event.putArray("inputQuantityList");
		for (var input : inputs) {
			in.addObject().put("epcClass", input.getKey().epcClass()).put("quantity", input.getValue());
		}
		event.putArray("outputQuantityList").addObject().put("epcClass", output.epcClass());
		event.put("xaso:step", LotStep.TRANSFORMED.name());
		if (note != null) {
			event.put("xaso:note", note);
		}
		event.put("eventID", "urn:uuid:" + UUID.nameUUIDFromBytes(Json.MAPPER.writeValueAsBytes(event)));
		return checked(event);
	}

	/** The pack's identifier: an SSCC (18 digits, check digit right) as its GS1 Digital Link, else a XaSo URN of the producer. */
	private static String packUri(Lot lot, LotEntry.Diary d) {
		var code = d.packCode();
		if (code != null && code.matches("[0-9]{18}") && Gtins.checkDigit(code.substring(0, 17)) == code.charAt(17) - '0') {
			return "https://id.gs1.org/00/" + code;
		}
		if (code == null) {
			code = lot.lotNumber() + "-" + DateTimeFormatter.ofPattern("yyyyMMddHHmm").format(d.when().atOffset(ZoneOffset.ofHours(7)));
		}
		return "urn:xaso:pack:" + lot.unitCode() + ":" + lot.producerId() + ":" + code;
	}

	Event recallEvent(Lot lot, String reason, Instant at) {
		var event = base(lot, LotStep.RECALLED, at);
		event.putArray("quantityList").addObject().put("epcClass", lot.epcClass());
		event.put("xaso:note", reason);
		return checked(event);
	}

	/** All the batch's events as one EPCIS document (JSON-LD), validated. */
	String document(Lot lot, List<LotEvent> events, Instant now) {
		var doc = envelope(now);
		var list = doc.putObject("epcisBody").putArray("eventList");
		for (var e : events) {
			list.add(Json.MAPPER.readTree(e.document()));
		}
		var json = Json.MAPPER.writeValueAsString(doc);
		var error = firstError(json);
		if (error != null) {
			throw new IllegalStateException("Stored EPCIS events of lot " + lot.id() + " no longer validate: " + error);
		}
		return json;
	}

	/** Reads a captured document: valid against the schema, every event about this batch, no time in the future. */
	List<Event> parse(String body, Lot lot, Instant now) {
		if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new EconomyException("document", "economy.error.epcisTooLarge");
		}
		JsonNode doc;
		try {
			doc = Json.MAPPER.readTree(body);
		}
		catch (JacksonException e) {
			throw new EconomyException("document", "economy.error.epcisNotJson");
		}
		if (doc == null || !doc.isObject()) {
			throw new EconomyException("document", "economy.error.epcisNotJson");
		}
		var error = firstError(body);
		if (error != null) {
			throw new EconomyException("document", "economy.error.epcisSchema", error);
		}
		if (doc.get("epcisBody").get("eventList").isEmpty()) {
			throw new EconomyException("document", "economy.error.epcisEmpty");
		}
		var result = new ArrayList<Event>();
		int n = 0;
		for (var event : doc.get("epcisBody").get("eventList")) {
			n++;
			if (!namesLot(event, lot)) {
				throw new EconomyException("document", "economy.error.epcisOtherLot", n, lot.digitalLinkPath());
			}
			Instant time;
			try {
				time = OffsetDateTime.parse(event.get("eventTime").asString(), TIME).toInstant();
			}
			catch (DateTimeParseException e) {
				throw new EconomyException("document", "economy.error.epcisSchema", "eventTime");
			}
			if (time.isAfter(now.plus(Duration.ofMinutes(10)))) {
				throw new EconomyException("document", "economy.error.epcisFuture", n);
			}
			var object = (ObjectNode) event.deepCopy();
			var id = event.has("eventID") ? event.get("eventID").asString()
					: "urn:uuid:" + UUID.nameUUIDFromBytes(Json.MAPPER.writeValueAsBytes(object));
			object.put("eventID", id);
			var bizStep = event.has("bizStep") ? bare(event.get("bizStep").asString(), "BizStep-") : null;
			result.add(new Event(id, event.get("type").asString(), bizStep, time, Json.MAPPER.writeValueAsString(object)));
		}
		return result;
	}

	private ObjectNode envelope(Instant now) {
		var doc = Json.MAPPER.createObjectNode();
		var context = doc.putArray("@context");
		context.add(CONTEXT);
		context.addObject().put("xaso", XASO_NS);
		doc.put("type", "EPCISDocument");
		doc.put("schemaVersion", "2.0");
		doc.put("creationDate", TIME.format(now.atOffset(ZoneOffset.UTC)));
		return doc;
	}

	private static ObjectNode base(Lot lot, LotStep step, Instant when) {
		var event = Json.MAPPER.createObjectNode();
		event.put("type", "ObjectEvent");
		event.put("eventTime", TIME.format(when.atOffset(ZoneOffset.ofHours(7))));
		event.put("eventTimeZoneOffset", "+07:00");
		event.put("eventID", "urn:uuid:" + UUID.randomUUID());
		event.put("action", step.action());
		event.put("bizStep", step.bizStep());
		event.put("disposition", step.disposition());
		event.putObject("bizLocation").put("id", "urn:xaso:commune:" + lot.unitCode());
		event.put("xaso:step", step.name());
		return event;
	}

	/** Validates an event we built, inside a one-event document, before it is stored. */
	private Event checked(ObjectNode event) {
		var doc = envelope(Instant.now());
		doc.putObject("epcisBody").putArray("eventList").add(event);
		var error = firstError(Json.MAPPER.writeValueAsString(doc));
		if (error != null) {
			throw new IllegalStateException("Built EPCIS event does not validate: " + error);
		}
		var time = OffsetDateTime.parse(event.get("eventTime").asString(), TIME).toInstant();
		return new Event(event.get("eventID").asString(), event.get("type").asString(), event.get("bizStep").asString(), time,
				Json.MAPPER.writeValueAsString(event));
	}

	private static boolean namesLot(JsonNode event, Lot lot) {
		var wanted = new ArrayList<String>();
		for (var field : List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList")) {
			texts(event.get(field), null, wanted);
		}
		for (var field : List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
			texts(event.get(field), "epcClass", wanted);
		}
		if (event.has("parentID")) {
			wanted.add(event.get("parentID").asString());
		}
		var suffix = lot.digitalLinkPath().toUpperCase(java.util.Locale.ROOT);
		var shortSuffix = "/01/" + lot.gtin().replaceFirst("^0+(?=[0-9]{8})", "") + "/10/" + lot.lotNumber();
		return wanted.stream().map(u -> u.toUpperCase(java.util.Locale.ROOT).replaceFirst("/21/.*$", ""))
			.anyMatch(u -> u.endsWith(suffix) || u.endsWith(shortSuffix.toUpperCase(java.util.Locale.ROOT)));
	}

	private static void texts(@Nullable JsonNode list, @Nullable String field, List<String> into) {
		if (list instanceof ArrayNode array) {
			for (var item : array) {
				var node = field == null ? item : item.get(field);
				if (node != null && node.isString()) {
					into.add(node.asString());
				}
			}
		}
	}

	private static String bare(String value, String prefix) {
		int i = value.indexOf(prefix);
		return i >= 0 ? value.substring(i + prefix.length()) : value;
	}
}
