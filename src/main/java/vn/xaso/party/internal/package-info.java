/** The party module's use cases, its rights aggregate and SQL adapters; other modules use the root API only. */
package vn.xaso.party.internal;
