package vn.xaso.feedback.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The Open311 GeoReport v2 requests' parameters as typed records, named as the specification names them. They are
 * checked by {@link Open311Controller}, which answers every mistake in the specification's error format.
 */
final class Open311Params {

	private Open311Params() {
	}

	/** POST requests: a new service request (the {@code attribute[…]} values come as their own parameters). */
	record NewRequest(@BindParam("jurisdiction_id") @Nullable String jurisdiction, @BindParam("api_key") @Nullable String apiKey,
			@BindParam("service_code") @Nullable String serviceCode, @Nullable String lat, @BindParam("long") @Nullable String lon,
			@BindParam("address_string") @Nullable String addressString, @BindParam("address_id") @Nullable String addressId,
			@BindParam("first_name") @Nullable String firstName, @BindParam("last_name") @Nullable String lastName,
			@Nullable String phone, @Nullable String email, @Nullable String description,
			@BindParam("media_url") @Nullable String mediaUrl) {
	}

	/** GET requests: search by ids, services, dates and status. */
	record Search(@BindParam("jurisdiction_id") @Nullable String jurisdiction,
			@BindParam("service_request_id") @Nullable String serviceRequestIds, @BindParam("service_code") @Nullable String serviceCodes,
			@BindParam("start_date") @Nullable String startDate, @BindParam("end_date") @Nullable String endDate,
			@Nullable String status) {
	}

	/** GET updates (non-standard): every public status change after an update id. */
	record Updates(@BindParam("jurisdiction_id") @Nullable String jurisdiction, @Nullable String after) {
	}

	static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}
}
