/** Officers' payments pages, the admin account page, the bills API and the bank-notification webhook. */
@org.jspecify.annotations.NullMarked
package vn.xaso.payments.web;
