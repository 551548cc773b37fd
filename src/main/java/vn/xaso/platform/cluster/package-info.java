/**
 * What replicas of one instance tell each other: small signals through PostgreSQL LISTEN/NOTIFY
 * (a changed working-day calendar, so every replica drops its cached year).
 */
@org.springframework.modulith.NamedInterface("cluster")
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.cluster;
