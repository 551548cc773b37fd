/**
 * Citizen feedback (phản ánh, kiến nghị): reports with photos and a map pin, triage by the
 * commune's officials with working-day due dates, public answers, ratings and reopening, a public
 * list with personal data removed, and Open311 GeoReport v2 access to the same data.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.feedback;
