/**
 * Operating a deployment: Prometheus metrics at {@code /actuator/prometheus} (closed unless a token is
 * configured), a request id on every request and log line, and structured JSON logs (profile
 * {@code json-logs}) with personal numbers masked as in the text logs.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.observability;
