/** Feedback pages (citizen, public, officials, API keys) and the Open311 GeoReport v2 endpoints. */
@org.jspecify.annotations.NullMarked
package vn.xaso.feedback.web;
