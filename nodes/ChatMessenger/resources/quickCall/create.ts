import {
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
} from 'n8n-workflow';

import { inputError, show } from '../../../shared/errors';
import { camForm } from '../../shared/methods';
import { rememberQuickCall } from '../../shared/output';
import { toUnixMs } from '../../shared/time';
import { textField } from '../../shared/validation';

const showForCreate = { resource: ['quickCall'], operation: ['create'] };

export const quickCallCreateDescription: INodeProperties[] = [
	{
		displayName: 'Expires',
		name: 'expiresMode',
		type: 'options',
		default: 'duration',
		options: [
			{ name: 'After a Duration', value: 'duration', description: 'A number of minutes from now' },
			{ name: 'At a Date and Time', value: 'dateTime', description: 'A fixed date and time' },
		],
		displayOptions: { show: showForCreate },
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description: 'How many minutes from now the quick call stays open',
		displayOptions: { show: { ...showForCreate, expiresMode: ['duration'] } },
	},
	{
		displayName: 'Expires At',
		name: 'expiresAt',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-12-01T18:00:00',
		description: 'When the quick call URL stops working; a time without an offset is read in the workflow’s time zone',
		displayOptions: { show: { ...showForCreate, expiresMode: ['dateTime'] } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password of the quick call; leave empty for a call without password',
		displayOptions: { show: showForCreate },
	},
];

/** The expiry as unix milliseconds, checked to be in the future. */
export function quickCallExpiry(ctx: IExecuteSingleFunctions, now = Date.now()): number {
	const itemIndex = ctx.getItemIndex();
	const mode = ctx.getNodeParameter('expiresMode') as string;
	if (mode === 'duration') {
		const raw = ctx.getNodeParameter('durationMinutes', 60);
		const minutes = Number(raw);
		if (!Number.isFinite(minutes) || minutes <= 0) {
			throw inputError(ctx, `"Duration (Minutes)" must be a positive number, got ${String(raw)}`, itemIndex);
		}
		return now + Math.round(minutes * 60_000);
	}
	const raw = ctx.getNodeParameter('expiresAt', '');
	const ms = toUnixMs(raw, ctx.getTimezone());
	if (ms === undefined) {
		throw inputError(
			ctx,
			`"Expires At" must be a date and time, got ${show(raw, { max: 100 })}`,
			itemIndex,
			'e.g. 2026-12-01T18:00:00, 2026-12-01T18:00:00+09:00 or {{ $now.plus({ hours: 2 }) }}',
		);
	}
	if (ms <= now) {
		throw inputError(ctx, `"Expires At" is in the past: ${new Date(ms).toISOString()}`, itemIndex, 'A quick call must expire in the future');
	}
	return ms;
}

/** preSend of Quick Call → Create: `message={"expiry": <unix ms>, "password": "…"}` (unverified mapping). */
export async function quickCallForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const expiry = quickCallExpiry(this);
	const password = textField(this.getNode(), this.getNodeParameter('password', ''), 'Password', this.getItemIndex(), { required: false, keep: true, secret: true });
	request.body = camForm('createQuickCall', { expiry, password });
	rememberQuickCall(this, { expiry, passwordProtected: password !== '' });
	return request;
}

