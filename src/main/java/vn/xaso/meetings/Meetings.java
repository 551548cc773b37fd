package vn.xaso.meetings;

import java.util.List;

/** What other modules may ask of meetings: an official's coming meetings and open tasks. */
public interface Meetings {

	/** Meetings the official is invited to (or chairs, or records) that are not closed yet, soonest first. */
	List<Meeting> upcoming(String unitCode, String username);

	/** The official's tasks not yet done, nearest deadline first. */
	List<MeetingTask> openTasks(String unitCode, String username);
}
