/**
 * Mutation testing areas: which source files are mutated, and the test files run against them.
 *
 * The test harness loads the nodes with a dynamic `require` (as n8n's loader does), so jest cannot
 * work out which tests reach a file: each area lists its test files. A whole area takes from about 6
 * minutes (Visioconference.me) to about 70 (Zoom) on two cores from scratch, and seconds to minutes
 * from its kept results; `npm run test:mutation` runs them one after the other.
 */

/**
 * Whether this run covers whole areas: only such a run starts from an area's kept results
 * (stryker/incremental/) and writes them back; a narrowed one (STRYKER_MUTATE, STRYKER_TESTS) tests
 * everything it selects and keeps nothing.
 */
export const wholeRun = !process.env.STRYKER_MUTATE && !process.env.STRYKER_TESTS;

/** Where StrykerJS reads and writes an area's results during a run (scripts/mutation.mjs unpacks the kept ones there). */
export const workingResults = (area) => `.stryker-incremental/${area}.json`;

/** The tests of the engine every declarative node runs on (the three engine areas). */
const engineTests = ['test/shared/*.test.ts', 'test/executor/*.test.ts', 'test/faults/matrix.test.ts'];

export const areas = {
	// the engine every declarative node runs on, in three areas: running the items (retries,
	// Retry-After, the pool, Request Options, item errors and output) ...
	executor: { mutate: ['nodes/shared/executor.ts'], tests: engineTests },
	// ... reading an answer (size cap, deadline) and turning a failure into the error users see ...
	http: { mutate: ['nodes/shared/http.ts'], tests: engineTests },
	// ... and reading the declarations (what runs, plans, templates, property routing, postReceive)
	routing: { mutate: ['nodes/shared/routing.ts'], tests: engineTests },
	// what every provider shares: masking, input errors, URL path segments, credential test rules
	shared: {
		mutate: ['nodes/shared/*.ts', '!nodes/shared/executor.ts', '!nodes/shared/http.ts', '!nodes/shared/routing.ts'],
		tests: [
			'test/shared/*.test.ts',
			'test/executor/*.test.ts',
			'test/credentials/wrongKey.test.ts',
			// the list calls of the resource locators and drop-downs (listRequest.ts)
			'test/cam/locators.test.ts',
			'test/zijing/locators.test.ts',
			'test/zijing/loadOptions.test.ts',
			'test/zoom/locators.test.ts',
		],
	},
	credentials: {
		// with the Zoom credentials' environment fields and credential test, which live beside the node
		mutate: ['credentials/*.ts', 'nodes/ZoomMeetings/shared/environment.ts', 'nodes/ZoomMeetings/shared/credentialTest.ts'],
		tests: [
			'test/credentials/*.test.ts',
			'test/zoom/credentials.test.ts',
			'test/zoom/auth.test.ts',
			'test/ytx/credential.test.ts',
			'test/zijing/credential.test.ts',
			'test/shared/*.test.ts',
		],
	},
	zoomTrigger: {
		mutate: ['nodes/ZoomMeetingsTrigger/shared/*.ts'],
		tests: ['test/zoomTrigger/*.test.ts'],
	},
	ytx: {
		mutate: ['nodes/YtxTelephony/shared/*.ts'],
		tests: ['test/ytx/*.test.ts'],
	},
	// Zoom in two areas of about an hour each, so that each keeps its results on its own:
	// the input checks (field rules, times) and the rest (errors, paging, output, recordings, locators)
	zoomInput: {
		mutate: ['nodes/ZoomMeetings/shared/validation.ts', 'nodes/ZoomMeetings/shared/time.ts'],
		tests: ['test/zoom/*.test.ts'],
	},
	zoom: {
		mutate: [
			'nodes/ZoomMeetings/shared/*.ts',
			'!nodes/ZoomMeetings/shared/validation.ts',
			'!nodes/ZoomMeetings/shared/time.ts',
			// the credentials' own (credentials area)
			'!nodes/ZoomMeetings/shared/environment.ts',
			'!nodes/ZoomMeetings/shared/credentialTest.ts',
		],
		tests: ['test/zoom/*.test.ts'],
	},
	zijing: {
		mutate: ['nodes/ZijingCloud/shared/*.ts'],
		tests: ['test/zijing/*.test.ts'],
	},
	chatMessenger: {
		mutate: ['nodes/ChatMessenger/shared/*.ts'],
		tests: ['test/cam/*.test.ts'],
	},
	visioconference: {
		mutate: ['nodes/Visioconference/shared/*.ts'],
		tests: ['test/visioconference/*.test.ts'],
	},
};
