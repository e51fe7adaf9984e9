/** The credential `authenticate` that sets one header from one credential field. */
import { headerFromCredential } from '../../nodes/shared/auth';

test('sets the header from the field, with its prefix, keeping the other headers', async () => {
	const bearer = headerFromCredential('Authorization', 'token', 'Bearer ');
	expect(await bearer({ token: 'abc' }, { url: '/x', headers: { Accept: 'application/json' } })).toEqual({
		url: '/x',
		headers: { Accept: 'application/json', Authorization: 'Bearer abc' },
	});
	const plain = headerFromCredential('X-Token', 'apiKey');
	expect(await plain({ apiKey: 'k1' }, { url: '/y' })).toEqual({ url: '/y', headers: { 'X-Token': 'k1' } });
	expect(await plain({}, { url: '/y' })).toEqual({ url: '/y', headers: { 'X-Token': '' } });
});
