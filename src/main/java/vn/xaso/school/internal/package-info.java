/** School use cases, the tuition charge aggregate and the SQL adapters; not for other modules. */
@org.jspecify.annotations.NullMarked
package vn.xaso.school.internal;
