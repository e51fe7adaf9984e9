import type { ProviderSettings } from '../../shared/executor';
import { describeHttpError, SERVICE } from './errors';
import { CAM_METHODS } from './methods';

const READ_ONLY_PATHS = [CAM_METHODS.getConferenceRooms, CAM_METHODS.getConferenceMaster, CAM_METHODS.getConferenceRoomStatus].map((m) => m.path);

/** How the executor sends this node's requests. */
export const settings: ProviderSettings = {
	service: SERVICE,
	credentialType: () => 'chatMessengerApi',
	secretFields: ['apiToken'],
	defaultConcurrency: 5,
	// every method is a POST; only these read
	readOnly: (options) => READ_ONLY_PATHS.some((path) => String(options.url).endsWith(path)),
	describeHttpError,
};
