/**
 * Smart loudspeaker radio (đài truyền thanh thông minh): speaker zones per village, receiver devices,
 * broadcasts read by a Vietnamese speech engine after text normalisation (or recorded audio), daily
 * slots and urgent broadcasts, the device pull protocol and broadcast statistics.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "units",
		"platform", "platform :: metrics", "platform :: tenancy", "platform :: web" })
package vn.xaso.radio;
