import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { unrecognisedAnswer } from '../../shared/answerShape';
import { envelopeFromAnswer, SERVICE, text } from './errors';
import { normalizeBookTime } from './validation';

/** `statusMsg` is typed string in the document and an object in its sample: accept both. */
function meetingInfo(statusMsg: unknown): IDataObject | undefined {
	if (statusMsg && typeof statusMsg === 'object' && !Array.isArray(statusMsg)) return statusMsg as IDataObject;
	if (typeof statusMsg === 'string' && statusMsg.trim().startsWith('{')) {
		try {
			// a text that starts with "{" and parses is an object
			return JSON.parse(statusMsg) as IDataObject;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/**
 * postReceive of every operation, after the envelope check.
 * Output: meeting ID, password, the caller ID participants see, request ID (or the whole answer).
 */
export async function meetingOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const envelope = envelopeFromAnswer(this, response);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.fullResponse) return [{ json: envelope }];

	const operation = this.getNodeParameter('operation') as string;
	const info = meetingInfo(envelope.statusMsg);
	// Start Now and Book are useless without the meeting ID; Edit and Cancel know theirs
	if ((operation === 'start' || operation === 'book') && !text(info?.meid)) {
		throw unrecognisedAnswer(this.getNode(), SERVICE, { ...response, body: envelope }, this.getItemIndex(), {
			call: operation === 'book' ? 'Book' : 'Start Now',
			expected: `statusCode "0" with the meeting in statusMsg ({"meid", "mepwd", "meetcallerid"}, as the document shows); statusMsg was ${
				envelope.statusMsg === undefined ? 'absent' : typeof envelope.statusMsg === 'string' ? `the text "${envelope.statusMsg.slice(0, 60)}"` : 'an object without "meid"'
			}`,
			caution: `YTX answered statusCode "0": the conference may have been ${operation === 'book' ? 'booked' : 'started'}; check in the YTX console before running the item again.`,
		});
	}
	const json: IDataObject = {
		meetingId: text(info?.meid),
		meetingPassword: text(info?.mepwd),
		callerId: text(info?.meetcallerid),
		requestId: text(envelope.requestId),
	};
	if (!info && typeof envelope.statusMsg === 'string' && envelope.statusMsg) json.message = envelope.statusMsg;
	if (operation === 'editBooking' || operation === 'cancelBooking') {
		json.meetingId ??= String(this.getNodeParameter('meetingId', '')).trim();
	}
	if (operation === 'book' || operation === 'editBooking') {
		const booked = normalizeBookTime(this.getNodeParameter('bookingTime', ''), 0);
		if (booked.ok) json.bookingTime = booked.value.text;
	}
	if (operation === 'cancelBooking') json.cancelled = true;
	return [{ json }];
}
