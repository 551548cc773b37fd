/** Public procedure pages, the JSON API and the administrators' catalogue editor. */
@org.jspecify.annotations.NullMarked
package vn.xaso.catalog.web;
