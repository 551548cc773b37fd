/** The documents workspace pages: registers, drafting, routing and PDF download. */
@org.jspecify.annotations.NullMarked
package vn.xaso.documents.web;
