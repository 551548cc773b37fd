package vn.xaso.platform.web;

import java.util.Set;

/** What the page layout needs to know about the signed-in person, whoever they are. */
public interface Viewer {

	String displayName();

	/** "Xã Yên Mô" for an official, empty for a citizen. */
	String unitLabel();

	boolean official();

	Set<String> roles();

	default boolean hasRole(String role) {
		return roles().contains(role);
	}
}
