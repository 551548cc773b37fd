/** Storage and seeding of the procedure catalogue. */
@org.jspecify.annotations.NullMarked
package vn.xaso.catalog.internal;
