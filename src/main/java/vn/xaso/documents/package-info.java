/** Official documents of a commune: incoming and outgoing registers, legal numbering, drafting, routing and search. */
@org.jspecify.annotations.NullMarked
package vn.xaso.documents;
