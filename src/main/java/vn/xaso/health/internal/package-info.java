/** Health use cases, the question aggregate and the SQL adapters; not for other modules. */
@org.jspecify.annotations.NullMarked
package vn.xaso.health.internal;
