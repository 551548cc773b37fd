/**
 * HTTP sessions in PostgreSQL (Spring Session JDBC, tables {@code spring_session} and
 * {@code spring_session_attributes}), so a request may reach any replica; expired ones are deleted here.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.sessions;
