import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { camForm } from '../../shared/methods';

/** preSend of Get Master Data: the call takes no argument (`message={}`; unverified mapping). */
export async function masterForm(this: IExecuteSingleFunctions, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	request.body = camForm('getConferenceMaster', {});
	return request;
}
