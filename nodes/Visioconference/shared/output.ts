import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { roomFromAnswer } from './errors';
import { roomLinks, type Participant } from './links';

/** postReceive of Room → Create: the room and ready links (or the whole answer when asked). */
export async function roomOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = roomFromAnswer(this, response);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const participants = (((options.participants as IDataObject | undefined)?.participant ?? []) as Participant[]).filter(
		(p) => typeof p.name === 'string' && p.name.trim() !== '',
	);
	const links = roomLinks(data, participants.map((p) => ({ ...p, name: p.name.trim() })));
	const json = options.fullResponse ? { ...(response.body as IDataObject), ...links } : { ...data, ...links };
	return [{ json }];
}
