import type { INodeProperties } from 'n8n-workflow';

/** Pieces shared by several meeting operations. */

export const timezoneField = (name: string): INodeProperties => ({
	displayName: 'Timezone Name or ID',
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	default: '',
	description:
		'IANA timezone (e.g. Asia/Tokyo). With a timezone, the start time is sent as local time in that zone; without, as UTC. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
});

export const meetingTypeOptions = [
	{ name: 'Instant', value: 1, description: 'Starts now; no start time' },
	{ name: 'Recurring, Fixed Time', value: 8, description: 'Repeats on a schedule (see Recurrence)' },
	{ name: 'Recurring, No Fixed Time', value: 3, description: 'Can be started any time with the same ID' },
	{ name: 'Scheduled', value: 2, description: 'A single meeting at a start time' },
];

/**
 * Meeting settings (Zoom's `settings` object). Every boolean is sent as chosen, `false` included.
 * Each one is a request field of both Create and Update in Zoom's own SDK types (`zoom/rivet-javascript`,
 * npm `@zoom/rivet` 0.4.0, `meetings/meetings.d.ts`: `MeetingsCreateMeetingRequestBody`, `MeetingsUpdateMeetingRequestBody`);
 * answer-only fields (e.g. `show_join_info`) are not offered, since Zoom ignores them in a request.
 */
export function meetingSettingsField(operations: string[]): INodeProperties {
	const bool = (displayName: string, name: string, property: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'boolean',
		default: false,
		description,
		routing: { send: { type: 'body', property: `settings.${property}` } },
	});
	return {
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		displayOptions: { show: { resource: ['meeting'], operation: operations } },
		description: 'Meeting settings; each one you add is sent, including those switched off',
		options: [
			{
				displayName: 'Allow Multiple Devices',
				name: 'allowMultipleDevices',
				type: 'boolean',
				default: false,
				description: 'Whether attendees may join from several devices',
				routing: { send: { type: 'body', property: 'settings.allow_multiple_devices' } },
			},
			{
				displayName: 'Alternative Hosts',
				name: 'alternativeHosts',
				type: 'string',
				default: '',
				placeholder: 'e.g. anna@example.com;li@example.com',
				description: 'Emails or IDs of users who may host, separated by semicolons (empty clears the list)',
				routing: { send: { type: 'body', property: 'settings.alternative_hosts' } },
			},
			{
				displayName: 'Approval Type',
				name: 'approvalType',
				type: 'options',
				default: 2,
				options: [
					{ name: 'Automatically Approve Registrants', value: 0 },
					{ name: 'Manually Approve Registrants', value: 1 },
					{ name: 'No Registration Required', value: 2 },
				],
				routing: { send: { type: 'body', property: 'settings.approval_type' } },
			},
			{
				displayName: 'Audio',
				name: 'audio',
				type: 'options',
				default: 'both',
				options: [
					{ name: 'Computer Audio (VoIP)', value: 'voip' },
					{ name: 'Telephone and Computer Audio', value: 'both' },
					{ name: 'Telephone Only', value: 'telephony' },
				],
				routing: { send: { type: 'body', property: 'settings.audio' } },
			},
			{
				displayName: 'Auto Recording',
				name: 'autoRecording',
				type: 'options',
				default: 'none',
				options: [
					{ name: 'Cloud', value: 'cloud', description: 'Record to the Zoom cloud (needs cloud recording on the account)' },
					{ name: 'Local', value: 'local', description: 'Record on the host’s computer' },
					{ name: 'None', value: 'none', description: 'No automatic recording' },
				],
				routing: { send: { type: 'body', property: 'settings.auto_recording' } },
			},
			bool('Email in Attendee Report', 'emailInAttendeeReport', 'email_in_attendee_report', 'Whether attendees’ emails appear in the attendee report'),
			{
				displayName: 'Encryption Type',
				name: 'encryptionType',
				type: 'options',
				default: 'enhanced_encryption',
				options: [
					{ name: 'Enhanced Encryption', value: 'enhanced_encryption' },
					{ name: 'End-to-End Encryption', value: 'e2ee', description: 'Disables cloud recording and some features' },
				],
				routing: { send: { type: 'body', property: 'settings.encryption_type' } },
			},
			bool('Host Save Video Order', 'hostSaveVideoOrder', 'host_save_video_order', 'Whether the host can save the gallery video order'),
			bool('Host Video', 'hostVideo', 'host_video', 'Whether the host’s video is on when the meeting starts'),
			bool('Join Before Host', 'joinBeforeHost', 'join_before_host', 'Whether participants may join before the host'),
			bool('Meeting Authentication', 'meetingAuthentication', 'meeting_authentication', 'Whether only signed-in Zoom users may join'),
			bool('Mute Upon Entry', 'muteUponEntry', 'mute_upon_entry', 'Whether participants are muted when they join'),
			bool('Participant Video', 'participantVideo', 'participant_video', 'Whether participants’ video is on when they join'),
			bool('Private Meeting', 'privateMeeting', 'private_meeting', 'Whether the meeting is hidden from others’ calendars'),
			bool('Registrants Confirmation Email', 'registrantsConfirmationEmail', 'registrants_confirmation_email', 'Whether registrants get a confirmation email'),
			{
				displayName: 'Registration Type',
				name: 'registrationType',
				type: 'options',
				default: 1,
				description: 'For recurring meetings with registration',
				options: [
					{ name: 'Register Once, Attend All Occurrences', value: 1 },
					{ name: 'Register for Each Occurrence', value: 2 },
					{ name: 'Register Once, Choose Occurrences', value: 3 },
				],
				routing: { send: { type: 'body', property: 'settings.registration_type' } },
			},
			bool('Sign Language Interpretation', 'signLanguageInterpretation', 'sign_language_interpretation.enable', 'Whether sign language interpretation is enabled'),
			bool('Waiting Room', 'waitingRoom', 'waiting_room', 'Whether participants wait in a waiting room until admitted'),
			bool('Watermark', 'watermark', 'watermark', 'Whether a watermark is shown when someone shares their screen'),
		],
	};
}

const weekDays = [
	{ name: 'Sunday', value: 1 },
	{ name: 'Monday', value: 2 },
	{ name: 'Tuesday', value: 3 },
	{ name: 'Wednesday', value: 4 },
	{ name: 'Thursday', value: 5 },
	{ name: 'Friday', value: 6 },
	{ name: 'Saturday', value: 7 },
];

/** Zoom's `recurrence` object, for recurring meetings with a fixed time (type 8). */
export function recurrenceField(operations: string[], extraShow: Record<string, number[]> = {}): INodeProperties {
	return {
		displayName: 'Recurrence',
		name: 'recurrence',
		type: 'collection',
		placeholder: 'Add Recurrence Field',
		default: {},
		displayOptions: { show: { resource: ['meeting'], operation: operations, ...extraShow } },
		options: [
			{
				displayName: 'End After Occurrences',
				name: 'endTimes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				default: 7,
				description: 'How many times the meeting occurs (use this or End Date)',
				routing: { send: { type: 'body', property: 'recurrence.end_times' } },
			},
			{
				displayName: 'End Date',
				name: 'endDateTime',
				type: 'dateTime',
				default: '',
				description: 'When the recurrence ends (use this or End After Occurrences)',
				routing: { send: { type: 'body', property: 'recurrence.end_date_time' } },
			},
			{
				displayName: 'Monthly Day',
				name: 'monthlyDay',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 31 },
				default: 1,
				description: 'Day of the month, for a monthly recurrence',
				routing: { send: { type: 'body', property: 'recurrence.monthly_day' } },
			},
			{
				displayName: 'Monthly Week',
				name: 'monthlyWeek',
				type: 'options',
				default: 1,
				options: [
					{ name: 'First Week', value: 1 },
					{ name: 'Fourth Week', value: 4 },
					{ name: 'Last Week', value: -1 },
					{ name: 'Second Week', value: 2 },
					{ name: 'Third Week', value: 3 },
				],
				description: 'Week of the month, for a monthly recurrence on a weekday (with Monthly Week Day)',
				routing: { send: { type: 'body', property: 'recurrence.monthly_week' } },
			},
			{
				displayName: 'Monthly Week Day',
				name: 'monthlyWeekDay',
				type: 'options',
				default: 2,
				options: weekDays,
				routing: { send: { type: 'body', property: 'recurrence.monthly_week_day' } },
			},
			{
				displayName: 'Repeat Interval',
				name: 'repeatInterval',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Every how many days, weeks or months',
				routing: { send: { type: 'body', property: 'recurrence.repeat_interval' } },
			},
			{
				displayName: 'Repeat Type',
				name: 'type',
				type: 'options',
				default: 2,
				options: [
					{ name: 'Daily', value: 1 },
					{ name: 'Weekly', value: 2 },
					{ name: 'Monthly', value: 3 },
				],
				routing: { send: { type: 'body', property: 'recurrence.type' } },
			},
			{
				displayName: 'Weekly Days',
				name: 'weeklyDays',
				type: 'multiOptions',
				default: [],
				options: weekDays,
				description: 'Days of the week, for a weekly recurrence',
				routing: { send: { type: 'body', property: 'recurrence.weekly_days' } },
			},
		],
	};
}
