package vn.xaso.meetings.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.meetings.Meeting;
import vn.xaso.meetings.MeetingTask;
import vn.xaso.meetings.Meetings;

/** The module's API for other modules, by delegation to {@link ReadingMeetings}; in the caller's tenancy scope. */
@Component
class MeetingsApi implements Meetings {

	private final ReadingMeetings reading;

	MeetingsApi(ReadingMeetings reading) {
		this.reading = reading;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Meeting> upcoming(String unitCode, String username) {
		return reading.upcoming(unitCode, username);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MeetingTask> openTasks(String unitCode, String username) {
		return reading.openTasks(unitCode, username);
	}
}
