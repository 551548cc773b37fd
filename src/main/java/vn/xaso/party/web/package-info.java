/** Party pages: the member's home, a cell, a cell meeting, the library, study materials, notes; the administrator's one set-up step. */
@org.jspecify.annotations.NullMarked
package vn.xaso.party.web;
