/** The farm module's use cases, aggregates, SQL adapters and the embedded MQTT broker; other modules use the root API only. */
package vn.xaso.farm.internal;
