/**
 * What n8n's credential form shows for every credential of the pack: each visible field named and,
 * where it has one, explained; placeholders as examples; choices that can be told apart, with a
 * default among them; the fields that appear only for some choices; the defaults a user starts with;
 * and the icon and documentation link pointing at something that exists.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { packageCredentialTypes } from '../harness/package';

const root = path.resolve(__dirname, '..', '..');
// read inside each test (a fresh instance each time), so that what a test checks is what n8n's form gets
const types = () => packageCredentialTypes();
const typeNamed = (name: string) => types().find((t) => t.name === name)!;
const NAMES = [
	'chatMessengerApi',
	'visioconferenceApi',
	'ytxTelephonyApi',
	'zijingCloudApi',
	'zoomMeetingsClientCredentialsApi',
	'zoomMeetingsOAuth2Api',
	'zoomMeetingsServerToServerApi',
	'zoomMeetingsWebhookApi',
];
const visible = (type: ICredentialType) => type.properties.filter((p) => p.type !== 'hidden');

/** GitHub's and npm's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
const readmeAnchors = new Set(
	fs
		.readFileSync(path.join(root, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchorOf(line.replace(/^#+ /, ''))),
);

test('the pack has its eight credentials', () => {
	expect(types().map((t) => t.name).sort()).toEqual(NAMES);
});

describe.each(NAMES)('%s', (name) => {
	test('its name in the credential list ends with "API"', () => {
		expect(typeNamed(name).displayName).toMatch(/^\S.* API$/);
	});

	test('every field has a name; a visible one\'s description or hint, where given, says something', () => {
		const type = typeNamed(name);
		for (const field of type.properties) {
			expect({ field: field.name, displayName: field.displayName.trim().length > 0 }).toEqual({ field: field.name, displayName: true });
		}
		for (const field of visible(type)) {
			for (const key of ['description', 'hint'] as const) {
				if (field[key] !== undefined) expect({ field: field.name, [key]: String(field[key]).trim().length > 10 }).toEqual({ field: field.name, [key]: true });
			}
		}
	});

	test('placeholders are examples ("e.g. …")', () => {
		const type = typeNamed(name);
		for (const field of visible(type).filter((f) => f.placeholder !== undefined)) {
			expect({ field: field.name, placeholder: field.placeholder }).toEqual({ field: field.name, placeholder: expect.stringMatching(/^e\.g\. \S/) });
		}
	});

	test('every choice has a name and its own value, a description that says something where it has one, and the default is one of them', () => {
		const type = typeNamed(name);
		for (const field of visible(type).filter((f) => f.type === 'options')) {
			const options = (field.options ?? []) as Array<{ name: string; value: string; description?: string }>;
			expect(options.length).toBeGreaterThan(1);
			for (const option of options) {
				expect(option.name.trim().length).toBeGreaterThan(2);
				expect(String(option.value).length).toBeGreaterThan(2);
				// a choice's description, where it has one, says something
				if (option.description !== undefined) expect({ choice: option.name, description: option.description.trim().length > 10 }).toEqual({ choice: option.name, description: true });
			}
			expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
			expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
			expect(options.map((o) => o.value)).toContain(field.default);
		}
	});

	test('the icon files exist, light and dark', () => {
		const type = typeNamed(name);
		const icon = type.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) {
			expect(file).toMatch(/^file:.+\.svg$/);
			expect(fs.existsSync(path.resolve(root, 'credentials', file.replace(/^file:/, '')))).toBe(true);
		}
		expect(icon.light).not.toBe(icon.dark);
	});

	test('the documentation link is https, and a link into the README names a heading of it', () => {
		const type = typeNamed(name);
		const url = new URL(type.documentationUrl!);
		expect(url.protocol).toBe('https:');
		if (url.host === 'www.npmjs.com') {
			expect(url.pathname).toBe('/package/n8n-nodes-conferencing');
			expect(readmeAnchors).toContain(url.hash.slice(1));
		}
	});
});

/** Which fields appear only for some choices, as `field: "choice field=values"`. */
const conditions = (type: ICredentialType) =>
	Object.fromEntries(
		type.properties
			.filter((p: INodeProperties) => p.displayOptions)
			.map((p) => [
				p.name,
				Object.entries(p.displayOptions!.show ?? {})
					.map(([field, values]) => `${field}=${(values as unknown[]).join('|')}`)
					.join(' '),
			]),
	);
const zoomCustom = {
	customOAuthBaseUrl: 'environment=custom',
	customApiBaseUrl: 'environment=custom',
	customDownloadBaseUrls: 'environment=custom',
};

test.each<[string, Record<string, string>]>([
	['chatMessengerApi', {}],
	['visioconferenceApi', {}],
	['ytxTelephonyApi', { customUrl: 'environment=custom' }],
	['zijingCloudApi', { apiId: 'keyType=apiIdAndKey', apiKey: 'keyType=apiIdAndKey', tenantAuthKey: 'keyType=tenantKey' }],
	['zoomMeetingsOAuth2Api', zoomCustom],
	['zoomMeetingsServerToServerApi', zoomCustom],
	['zoomMeetingsClientCredentialsApi', zoomCustom],
	['zoomMeetingsWebhookApi', {}],
])('%s: fields shown only for some choices', (name, expected) => {
	expect(conditions(typeNamed(name))).toEqual(expected);
});

test.each<[string, Record<string, unknown>]>([
	['chatMessengerApi', { serverUrl: '', apiToken: '' }],
	['visioconferenceApi', { apiKey: '', baseUrl: 'https://api.visioconference.me/api/v1' }],
	['ytxTelephonyApi', { accountSid: '', authToken: '', appId: '', environment: 'production', customUrl: '' }],
	['zijingCloudApi', { apiServer: '', keyType: 'apiIdAndKey', apiId: '', apiKey: '', tenantAuthKey: '', timeZone: 'Asia/Shanghai' }],
	['zoomMeetingsOAuth2Api', { environment: 'zoom', customOAuthBaseUrl: '', customApiBaseUrl: '', customDownloadBaseUrls: '', scope: '' }],
	['zoomMeetingsServerToServerApi', { accountId: '', clientId: '', clientSecret: '', environment: 'zoom', customOAuthBaseUrl: '', customApiBaseUrl: '', customDownloadBaseUrls: '' }],
	['zoomMeetingsClientCredentialsApi', { accountId: '', clientId: '', clientSecret: '', environment: 'zoom', customOAuthBaseUrl: '', customApiBaseUrl: '', customDownloadBaseUrls: '' }],
	['zoomMeetingsWebhookApi', { secretToken: '' }],
])('%s: what a new credential starts with', (name, expected) => {
	const type = typeNamed(name);
	expect(Object.fromEntries(visible(type).map((p) => [p.name, p.default]))).toEqual(expected);
});

test('the Zoom OAuth2 app: authorization code grant, token sent in the header, no extra query parameters', () => {
	const type = typeNamed('zoomMeetingsOAuth2Api');
	const hidden = Object.fromEntries(type.properties.filter((p) => p.type === 'hidden' && !String(p.default).startsWith('=')).map((p) => [p.name, p.default]));
	expect(type.extends).toEqual(['oAuth2Api']);
	expect(hidden).toEqual({ grantType: 'authorizationCode', authQueryParameters: '', authentication: 'header' });
});
