import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { CHINA_TIME_ZONE, isTimeZone } from '../../shared/zonedTime';

/**
 * The zone of the times the API takes and gives. The document's times (`2020-01-30 09:00`) carry
 * no zone; the service is in China, so they are China Standard Time unless the credential's
 * "Time Zone" says the deployment runs in another zone. This is the only place that decides it.
 */
export const DEFAULT_SERVICE_TIME_ZONE = CHINA_TIME_ZONE;

/** The credential's "Time Zone" (default Asia/Shanghai); an unknown zone name is refused before any request. */
export async function serviceTimeZone(ctx: IExecuteSingleFunctions): Promise<string> {
	const credentials = await ctx.getCredentials('zijingCloudApi');
	const raw = credentials.timeZone;
	const zone = typeof raw === 'string' ? raw.trim() : '';
	if (zone === '') return DEFAULT_SERVICE_TIME_ZONE;
	if (!isTimeZone(zone)) {
		throw inputError(
			ctx,
			`The credential's "Time Zone" is not a known time zone: "${zone.slice(0, 60)}"`,
			ctx.getItemIndex(),
			'Use an IANA time zone name such as Asia/Shanghai (the default) or Europe/Berlin',
		);
	}
	return zone;
}
