/**
 * An OpenAI-compatible chat model on loopback: `GET /v1/models` (what n8n's OpenAI credential test
 * and the model list call) and `POST /v1/chat/completions` (Chat Completions, not streamed), with a
 * Bearer key. What it answers is a script: each turn is a function of the request (its messages and
 * the tools it offers) that returns tool calls or the final text. Every request is kept in the log,
 * so a test reads what the model was shown (tool names, descriptions, argument schemas) and what it
 * got back (the `tool` messages).
 *
 * Without a script it answers with a plain text (`"(no script)"`), so the sandbox can run it.
 */
import { Simulator, type SimRequest, type SimResponse } from './base';

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

export type ScriptedAnswer =
	/** the model calls these tools (`tool` may be a pattern: the first offered tool whose name matches) */
	| { toolCalls: Array<{ tool: string | RegExp; arguments: Record<string, unknown> }> }
	| { text: string };

export type ScriptTurn = (request: ChatRequest) => ScriptedAnswer;

/** The text of a message, whatever shape its content has. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

export class OpenAiSimulator extends Simulator {
	apiKey = 'sk-sim-3f7a1c9e5b2d4f60';
	readonly models = ['gpt-4.1-mini', 'gpt-4o-mini'];
	private script: ScriptTurn[] = [];
	private callCounter = 0;

	constructor() {
		super('openai');
		this.route('GET', '/v1/models', (req) => {
			const refused = this.checkKey(req);
			if (refused) return refused;
			return { body: { object: 'list', data: this.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'simulator' })) } };
		});
		this.route('POST', '/v1/chat/completions', (req) => this.complete(req));
	}

	get apiBaseUrl() {
		return `${this.url}/v1`;
	}

	/** The answers to give, one turn per request, in order. */
	setScript(turns: ScriptTurn[]): this {
		this.script = [...turns];
		return this;
	}

	override reset(): void {
		super.reset();
		this.script = [];
		this.callCounter = 0;
	}

	/** The chat requests received, parsed. */
	chatRequests(): ChatRequest[] {
		return this.requests('POST', '/v1/chat/completions').map((r) => r.json as ChatRequest);
	}

	private checkKey(req: SimRequest): SimResponse | undefined {
		if (req.headers.authorization === `Bearer ${this.apiKey}`) return undefined;
		return {
			status: 401,
			body: {
				error: {
					message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
					type: 'invalid_request_error',
					param: null,
					code: 'invalid_api_key',
				},
			},
		};
	}

	private complete(req: SimRequest): SimResponse {
		const refused = this.checkKey(req);
		if (refused) return refused;
		const request = req.json as ChatRequest | undefined;
		if (!request || !Array.isArray(request.messages) || typeof request.model !== 'string') {
			return { status: 400, body: { error: { message: "'messages' and 'model' are required", type: 'invalid_request_error' } } };
		}
		if (request.stream) {
			return { status: 400, body: { error: { message: 'this simulator does not stream', type: 'invalid_request_error' } } };
		}
		const turn = this.script.shift();
		const answer: ScriptedAnswer = turn ? turn(request) : { text: '(no script)' };
		const message: Record<string, unknown> = { role: 'assistant', content: null };
		let finishReason = 'stop';
		if ('toolCalls' in answer) {
			const offered = (request.tools ?? []).map((t) => t.function.name);
			message.tool_calls = answer.toolCalls.map((call) => {
				const name = typeof call.tool === 'string' ? call.tool : offered.find((n) => (call.tool as RegExp).test(n));
				if (!name || !offered.includes(name)) {
					throw new Error(`the script calls tool ${String(call.tool)}, but the request offers only: ${offered.join(', ') || 'none'}`);
				}
				return { id: `call_${++this.callCounter}`, type: 'function', function: { name, arguments: JSON.stringify(call.arguments) } };
			});
			finishReason = 'tool_calls';
		} else {
			message.content = answer.text;
		}
		return {
			body: {
				id: `chatcmpl-${this.log.length}`,
				object: 'chat.completion',
				created: Math.floor(Date.now() / 1000),
				model: request.model,
				choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
				usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
			},
		};
	}
}
