package vn.xaso.dossiers.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.Queue;

/** A queue tab on the officials' list: its query value, label, the core queue (null for "all") and its count. */
public record QueueTab(String key, String label, @Nullable Queue queue, long count) {
}
