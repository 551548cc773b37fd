/**
 * Scheduled jobs that run once across replicas: every {@code @Scheduled} method also carries
 * {@code @SchedulerLock}, and the lock is a row in PostgreSQL (ShedLock), so two app replicas on one
 * database never do the same periodic work twice.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.jobs;
