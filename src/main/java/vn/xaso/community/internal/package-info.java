/** Use cases, the household aggregate and the SQL adapters of the community module. */
@org.jspecify.annotations.NullMarked
package vn.xaso.community.internal;
