/**
 * The executor runs a subset of n8n's routing vocabulary. Every description of every node of the
 * package is checked against it, operation by operation; and each feature it does not run is refused
 * when the plan is built, naming the property and the feature.
 */
import type { INodeExecutionData, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { getPlan, unsupportedFeatures, type Declaration } from '../../nodes/shared/routing';
import { packageNodeTypes } from '../harness/package';

const nodes = Object.values(packageNodeTypes(''));

function operationsOf(node: INodeType): Array<[string, string]> {
	const { properties } = node.description;
	const resources = ((properties.find((p) => p.name === 'resource')?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
	return resources.flatMap((resource) =>
		properties
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? [resource]).includes(resource))
			.flatMap((p) => (p.options as INodePropertyOptions[]).map((o): [string, string] => [resource, String(o.value)])),
	);
}

describe.each(nodes.map((node) => [node.description.displayName, node] as const))('%s', (_name, node) => {
	test('uses only what the executor runs', () => {
		expect(unsupportedFeatures(node.description)).toEqual([]);
	});

	const operations = operationsOf(node);
	if (operations.length === 0) return;
	test.each(operations)('%s → %s builds its plan', (resource, operation) => {
		const plan = getPlan(node.description, resource, operation);
		expect(plan.properties.every((p) => p.name !== 'resource' && p.name !== 'operation')).toBe(true);
	});
});

test('the package has action nodes with operations to walk', () => {
	expect(nodes.filter((node) => operationsOf(node).length > 0).length).toBeGreaterThanOrEqual(5);
});

/** A node with one operation, `thing → get`, plus `extra` properties. */
function declaration(extra: INodeProperties[], operationRouting: object = {}, more: Partial<Declaration> = {}): Declaration {
	return {
		requestDefaults: { baseURL: '={{$credentials.baseUrl}}' },
		...more,
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'options', options: [{ name: 'Thing', value: 'thing' }], default: 'thing' },
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				displayOptions: { show: { resource: ['thing'] } },
				options: [{ name: 'Get', value: 'get', action: 'Get a thing', routing: { request: { method: 'GET', url: '/things' }, ...operationRouting } }],
				default: 'get',
			},
			...extra,
		],
	};
}

const field = (routing: object, more: object = {}): INodeProperties =>
	({ displayName: 'Field', name: 'field', type: 'string', default: '', routing, ...more }) as INodeProperties;

const refusals: Array<[string, Declaration, RegExp]> = [
	['postReceive "set"', declaration([field({ output: { postReceive: [{ type: 'set', properties: { value: '={{ { a: 1 } }}' } }] } })]), /property "field": routing\.output\.postReceive action "set" is not supported/],
	['postReceive "setKeyValue"', declaration([field({ output: { postReceive: [{ type: 'setKeyValue', properties: { id: '={{$responseItem.id}}' } }] } })]), /property "field": .*postReceive action "setKeyValue"/],
	['postReceive "filter"', declaration([field({ output: { postReceive: [{ type: 'filter', properties: { pass: '={{$responseItem.ok}}' } }] } })]), /property "field": .*postReceive action "filter"/],
	['postReceive "limit"', declaration([field({ output: { postReceive: [{ type: 'limit', properties: { maxResults: 5 } }] } })]), /property "field": .*postReceive action "limit"/],
	['postReceive "sort"', declaration([field({ output: { postReceive: [{ type: 'sort', properties: { key: 'name' } }] } })]), /property "field": .*postReceive action "sort"/],
	['postReceive "binaryData"', declaration([field({ output: { postReceive: [{ type: 'binaryData', properties: { destinationProperty: 'data' } }] } })]), /property "field": .*postReceive action "binaryData"/],
	['enabled as an expression', declaration([field({ output: { postReceive: [{ type: 'rootProperty', enabled: '={{$value}}', properties: { property: 'data' } }] } })]), /property "field": .*"rootProperty" with enabled as an expression/],
	['rootProperty from an expression', declaration([field({ output: { postReceive: [{ type: 'rootProperty', properties: { property: '={{$value}}' } }] } })]), /property "field": .*rootProperty needs a plain property path/],
	['an operation\'s postReceive "sort"', declaration([], { output: { postReceive: [{ type: 'sort', properties: { key: 'name' } }] } }), /operation "get": routing\.output\.postReceive action "sort"/],
	['pagination on a property', declaration([field({ operations: { pagination: async () => [] } })]), /property "field": routing\.operations \(pagination declared on a property\)/],
	['node-level requestOperations', declaration([], {}, { requestOperations: { pagination: async () => [] } }), /node: requestOperations/],
	['generic pagination', declaration([], { operations: { pagination: { type: 'generic', properties: { continue: true, request: {} } } } }), /operation "get": routing\.operations\.pagination of type "generic"/],
	['offset pagination', declaration([], { operations: { pagination: { type: 'offset', properties: { limitParameter: 'l', offsetParameter: 'o', pageSize: 10, type: 'query' } } } }), /operation "get": .*pagination of type "offset"/],
	['a _cnd display condition', declaration([field({}, { displayOptions: { show: { other: [{ _cnd: { gt: 1 } }] } } })]), /property "field": displayOptions\.show\.other uses a _cnd condition/],
	['a _cnd version condition', declaration([field({}, { displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } })]), /property "field": displayOptions\.show\.@version uses a _cnd condition/],
	['an @feature condition', declaration([field({}, { displayOptions: { show: { '@feature': ['x'] } } })]), /property "field": displayOptions\.show\["@feature"\] is not supported/],
	['a send type other than body or query', declaration([field({ send: { type: 'header', property: 'X-Field' } })]), /property "field": routing\.send\.type "header" is not supported/],
	['a send property from an expression', declaration([field({ send: { type: 'body', property: '={{$parameter.name}}' } })]), /property "field": routing\.send\.property as an expression/],
	['a request option not passed on', declaration([field({ request: { skipSslCertificateValidation: true } })]), /property "field": routing\.request\.skipSslCertificateValidation is not supported/],
	['a redirect option in the defaults', declaration([], {}, { requestDefaults: { baseURL: 'https://x', disableFollowRedirect: false } }), /requestDefaults\.disableFollowRedirect is not supported/],
	['an expression beyond $value', declaration([field({ send: { type: 'body', property: 'f', value: '={{$value.toUpperCase()}}' } })]), /property "field": routing\.send\.value: the expression =\{\{\$value\.toUpperCase\(\)\}\} is not supported/],
	['$value with text after it', declaration([field({ send: { type: 'body', property: 'f', value: '={{$value}}-x' } })]), /property "field": routing\.send\.value: the expression =\{\{\$value\}\}-x is not supported/],
	['$value with text before it', declaration([field({ send: { type: 'body', property: 'f', value: '=x={{$value}}' } })]), /property "field": routing\.send\.value: the expression =x=\{\{\$value\}\} is not supported/],
	['$parameter in a property\'s request', declaration([field({ request: { url: '=/things/{{$parameter.id}}' } })]), /property "field": routing\.request\.url: the expression .* is not supported \(only =\{\{\$value\}\}\)/],
	['a computed URL in an operation', declaration([], { request: { url: '=/things/{{$parameter.id.trim()}}' } }), /operation "get": routing\.request\.url: the expression .* is not supported/],
	['a computed header in the defaults', declaration([], {}, { requestDefaults: { baseURL: '={{$credentials.baseUrl}}', headers: { 'X-Key': '={{$credentials.key + "!"}}' } } }), /requestDefaults\.headers\.X-Key: the expression/],
	['routing on an option of another property', declaration([{ displayName: 'Mode', name: 'mode', type: 'options', options: [{ name: 'A', value: 'a', routing: { send: { type: 'query', property: 'm' } } }], default: 'a' }]), /property "mode": routing on option "a" is only supported on the operation selector/],
	['send.property on an operation', declaration([], { send: { type: 'query', property: 'op', value: 'get' } }), /operation "get": routing\.send\.type on an operation is not supported/],
	['a nested field\'s unsupported routing', declaration([{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [field({ send: { type: 'body', property: 'f' }, output: { postReceive: [{ type: 'limit', properties: { maxResults: 1 } }] } })] }]), /property "options\.field": .*postReceive action "limit"/],
];

test.each(refusals)('%s is refused when the plan is built, naming the property and the feature', (_feature, description, message) => {
	expect(() => getPlan(description, 'thing', 'get')).toThrow(message);
});

test('what the executor runs is accepted: functions, rootProperty with enabled, @version conditions, $value, templates', () => {
	const description = declaration(
		[
			field(
				{ send: { type: 'body', property: 'a.b', value: '={{$value}}', paginate: '={{$value}}' }, output: { maxResults: '={{$value}}', postReceive: [async (items: INodeExecutionData[]) => items, { type: 'rootProperty', enabled: false, properties: { property: 'data' } }] } },
				{ displayOptions: { show: { '@version': [1, 2] }, hide: { other: ['x'] } } },
			),
		],
		{
			request: {
				method: 'GET',
				url: '=/things/{{$parameter["id"]}}/{{$parameter.sub}}',
				headers: { 'X-Key': '={{$credentials.key}}' },
				// the request options the executor passes on to n8n's request helper
				encoding: 'arraybuffer',
				json: false,
				timeout: 5000,
				arrayFormat: 'brackets',
			},
			operations: { pagination: async () => [] },
		},
	);
	expect(unsupportedFeatures(description)).toEqual([]);
	expect(getPlan(description, 'thing', 'get').properties.map((p) => p.name)).toEqual(['field']);
});

test('every refusal of a declaration is one line naming the property and the feature', () => {
	const locator = (name: string): INodeProperties => ({
		displayName: 'Owner',
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
		routing: { send: { type: 'query', property: 'owner' } },
	});
	const description = declaration(
		[
			field({ send: { type: 'body', property: 'f', extra: true }, output: { extra: 1 }, other: {} } as object, { displayOptions: { hideOnCloud: true, showOnDeployment: true, hideInCanvas: true } as object }),
			{ ...field({ send: { paginate: '={{!$value}}' }, output: { maxResults: '={{$value * 2}}', postReceive: [{ type: 'rootProperty' } as never, { type: 'rootProperty', properties: { property: 5 } } as never] } }), name: 'second' },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [locator('owner')] },
			{ displayName: 'Groups', name: 'groups', type: 'fixedCollection', default: {}, options: [{ displayName: 'Group', name: 'group', values: [locator('member'), { ...field({}, { displayOptions: { show: { '@version': [1] } } }), name: 'operation' }] }] },
			{ ...field({}, { displayOptions: { show: { other: [1, { _cnd: { gt: 1 } }] } } }), name: 'third' },
		],
		{ output: { maxResults: 5 }, operations: { pagination: async () => [], other: true } as object, request: { url: '={{$parameter.a}}/{{$json.b}}' } },
		{ requestDefaults: { baseURL: '={{$credentials.baseUrl}}', qs: { a: '={{$value}}' } } },
	);
	description.properties[0] = { ...description.properties[0], displayOptions: { show: { '@version': [1] } } };
	description.properties[1] = { ...description.properties[1], displayOptions: { hide: { '@version': [2] } } };
	const forms = '{{$parameter.x}}, {{$parameter["x"]}} and {{$credentials.x}}';
	const expected = [
		`requestDefaults.qs.a: the expression ={{$value}} is not supported (only ${forms})`,
		'property "resource": displayOptions.show["@version"] on the resource or operation selector is not supported',
		'property "operation": displayOptions.hide["@version"] on the resource or operation selector is not supported',
		'operation "get": routing.output.maxResults on an operation is not supported (only postReceive)',
		'operation "get": routing.operations.other is not supported',
		`operation "get": routing.request.url: the expression ={{$parameter.a}}/{{$json.b}} is not supported (only ${forms})`,
		'property "field": displayOptions.hideInCanvas is not supported',
		'property "field": routing.other is not supported',
		'property "field": routing.send.extra is not supported',
		'property "field": routing.output.extra is not supported',
		'property "second": routing.send.paginate: the expression ={{!$value}} is not supported (only ={{$value}})',
		'property "second": routing.output.maxResults: the expression ={{$value * 2}} is not supported (only ={{$value}})',
		'property "second": routing.output.postReceive rootProperty needs a plain property path',
		'property "second": routing.output.postReceive rootProperty needs a plain property path',
		'property "options.owner": a resource locator with routing inside a collection is not supported',
		'property "groups.group.member": a resource locator with routing inside a collection is not supported',
		'property "third": displayOptions.show.other uses a _cnd condition, which is not supported',
	];
	expect(unsupportedFeatures(description)).toEqual(expected);
	expect(() => getPlan(description, 'thing', 'get')).toThrow(`The node's declaration uses what this executor does not run:\n${expected.join('\n')}`);
});

test('accepted: plain values in a property’s routing, rootProperty without `enabled`, null as a display value, a top-level locator with routing', () => {
	const description = declaration([
		field(
			{ send: { type: 'query', property: 'f', value: 'fixed' }, request: { url: '/plain', headers: { 'X-A': 'plain' } }, output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] } },
			{ displayOptions: { show: { other: [null, 'x'] } } },
		),
		{ displayName: 'Owner', name: 'owner', type: 'resourceLocator', default: { mode: 'id', value: '' }, modes: [{ displayName: 'ID', name: 'id', type: 'string' }], routing: { send: { type: 'query', property: 'owner' } } },
		{ displayName: 'Mode', name: 'mode', type: 'options', options: [{ name: 'A', value: 'a' }], default: 'a' },
	]);
	expect(unsupportedFeatures(description)).toEqual([]);
});
