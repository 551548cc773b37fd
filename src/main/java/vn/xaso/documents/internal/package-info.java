/** Numbering, PDF rendering and inspection, and the release-signing seam of the documents module. */
@org.jspecify.annotations.NullMarked
package vn.xaso.documents.internal;
