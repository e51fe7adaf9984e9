import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { Engine } from './engine';

/**
 * The context n8n gives a node's drop-down and list-search methods (`methods.loadOptions`,
 * `methods.listSearch`) while its parameters are edited: n8n-core's own LoadOptionsContext over one
 * node with these parameters and credentials, `path` being the parameter the list is for.
 */
export function loadOptionsContext(
	engine: Pick<Engine, 'nodeTypes' | 'helper'>,
	node: { type: string; parameters: IDataObject; credentials: INode['credentials'] },
	path: string,
): LoadOptionsContext {
	const workflowNode: INode = {
		id: 'n0',
		name: 'Node',
		type: node.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: node.parameters as INode['parameters'],
		credentials: node.credentials,
	};
	const workflow = new Workflow({ nodes: [workflowNode], connections: {}, active: false, nodeTypes: engine.nodeTypes });
	const additionalData = { credentialsHelper: engine.helper, currentNodeParameters: node.parameters } as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, workflowNode, additionalData, path);
}
