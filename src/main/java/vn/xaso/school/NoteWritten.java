package vn.xaso.school;

import org.jspecify.annotations.Nullable;

/** A teacher wrote in the contact book: to one pupil's parent ({@code pupilId}) or to the whole class (null). */
public record NoteWritten(String unitCode, long noteId, long classId, @Nullable Long pupilId) {
}
