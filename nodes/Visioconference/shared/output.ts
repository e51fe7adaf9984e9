import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { roomFromAnswer } from './errors';
import { roomLinks } from './links';
import { readParticipants } from './validation';

/** postReceive of Room → Create: the room and ready links (or the whole answer when asked). */
export async function roomOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = roomFromAnswer(this, response);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const links = roomLinks(data, readParticipants(this.getNode(), options, this.getItemIndex()));
	const json = options.fullResponse ? { ...(response.body as IDataObject), ...links } : { ...data, ...links };
	return [{ json }];
}
