import type { INodePropertyOptions } from 'n8n-workflow';

/** Matches every event (the "All Events" choice). */
export const ALL_EVENTS = '*';

/** Zoom's challenge on saving or re-validating an endpoint: answered, never passed on. */
export const URL_VALIDATION_EVENT = 'endpoint.url_validation';

/** The meeting, participant, recording and webinar events a Zoom app can subscribe to. */
export const eventOptions: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event the Zoom app sends' },
	{ name: 'Chat Message Sent', value: 'meeting.chat_message_sent' },
	{ name: 'Meeting Created', value: 'meeting.created' },
	{ name: 'Meeting Deleted', value: 'meeting.deleted' },
	{ name: 'Meeting Ended', value: 'meeting.ended' },
	{ name: 'Meeting Started', value: 'meeting.started' },
	{ name: 'Meeting Summary Completed', value: 'meeting.summary_completed' },
	{ name: 'Meeting Updated', value: 'meeting.updated' },
	{ name: 'Participant Admitted From Waiting Room', value: 'meeting.participant_admitted' },
	{ name: 'Participant Joined', value: 'meeting.participant_joined' },
	{ name: 'Participant Joined Waiting Room', value: 'meeting.participant_joined_waiting_room' },
	{ name: 'Participant Left', value: 'meeting.participant_left' },
	{ name: 'Recording Completed', value: 'recording.completed' },
	{ name: 'Recording Deleted', value: 'recording.deleted' },
	{ name: 'Recording Moved to Trash', value: 'recording.trashed' },
	{ name: 'Recording Started', value: 'recording.started' },
	{ name: 'Recording Stopped', value: 'recording.stopped' },
	{ name: 'Recording Transcript Completed', value: 'recording.transcript_completed' },
	{ name: 'Registration Created', value: 'meeting.registration_created' },
	{ name: 'Screen Sharing Ended', value: 'meeting.sharing_ended' },
	{ name: 'Screen Sharing Started', value: 'meeting.sharing_started' },
	{ name: 'Webinar Ended', value: 'webinar.ended' },
	{ name: 'Webinar Participant Joined', value: 'webinar.participant_joined' },
	{ name: 'Webinar Participant Left', value: 'webinar.participant_left' },
	{ name: 'Webinar Started', value: 'webinar.started' },
];

/** The event names a node listens to: the picked ones plus the extra names typed by the user. */
export function selectedEvents(picked: string[], extra: string): Set<string> {
	const names = new Set(picked.map((name) => name.trim()).filter(Boolean));
	for (const name of extra.split(',')) {
		if (name.trim()) names.add(name.trim());
	}
	return names;
}

export function isSelected(selection: Set<string>, event: string): boolean {
	return selection.has(ALL_EVENTS) || selection.has(event);
}
