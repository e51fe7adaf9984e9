import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The Secret Token of a Zoom app's event subscription. Zoom signs every webhook request with it
 * (`x-zm-signature`) and the Zoom Meetings Trigger answers Zoom's endpoint validation with it. The
 * token is never sent anywhere: it is tested locally by the trigger node (`testedBy`), because Zoom
 * has no API call that checks it.
 */
export class ZoomMeetingsWebhookApi implements ICredentialType {
	name = 'zoomMeetingsWebhookApi';

	displayName = 'Zoom Meetings Webhook API';

	icon: Icon = {
		light: 'file:../nodes/ZoomMeetingsTrigger/zoom.svg',
		dark: 'file:../nodes/ZoomMeetingsTrigger/zoom.dark.svg',
	};

	documentationUrl = 'https://developers.zoom.us/docs/api/webhooks/';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Secret Token shown on the Features → Access page of your Zoom app in the Zoom App Marketplace (the same app whose event subscription points at this workflow)',
		},
	];
}
