/** Web side of the notify module: the push subscription API, the citizen's preferences page and the officials' delivery log. */
@org.jspecify.annotations.NullMarked
package vn.xaso.notify.web;
