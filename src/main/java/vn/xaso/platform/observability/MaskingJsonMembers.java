package vn.xaso.platform.observability;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

import vn.xaso.platform.PersonalData;

/**
 * Structured (JSON) logs mask phone and CCCD numbers in every string value, like the text logs'
 * converter does. Named in {@code logging.structured.json.customizer} (profile {@code json-logs}).
 */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, PersonalData::maskAll));
	}
}
