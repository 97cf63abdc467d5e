import { createHash } from 'node:crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { binaryItem, loadOptions, runNode, runWebhook, runWebhookMethod } from './n8n-harness';
import type { CredentialSpec } from './n8n-harness';
import { startEchoServer } from './servers';
import type { EchoServer } from './servers';

// ----------------------------------------------------------------------------------------------
// Throwaway credential + node types (deliberately NOT under nodes/)
// ----------------------------------------------------------------------------------------------

class DemoApi implements ICredentialType {
	name = 'demoApi';
	displayName = 'Demo API';
	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{ displayName: 'Token', name: 'token', type: 'string' as const, typeOptions: { password: true }, default: '' },
		{ displayName: 'Region', name: 'region', type: 'string' as const, default: 'eu' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: { api_access_token: '={{$credentials.token}}' },
			qs: { region: '={{$credentials.region}}' },
		},
	};
}

class FunctionAuthApi implements ICredentialType {
	name = 'functionAuthApi';
	displayName = 'Function Auth API';
	properties = [{ displayName: 'Key', name: 'key', type: 'string' as const, default: '' }];
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, 'x-fn-key': `fn:${credentials.key as string}` } };
	}
}

const baseDescription: Omit<INodeTypeDescription, 'properties'> = {
	displayName: 'Demo',
	name: 'demo',
	group: ['transform'],
	version: 1,
	description: 'harness test node',
	defaults: { name: 'Demo' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [
		{ name: 'demoApi', required: true },
		{ name: 'functionAuthApi', required: false },
	],
} as Omit<INodeTypeDescription, 'properties'>;

class DemoNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Post JSON', value: 'postJson' },
					{ name: 'Upload', value: 'upload' },
					{ name: 'Function Auth', value: 'functionAuth' },
					{ name: 'Download', value: 'download' },
					{ name: 'Full Response', value: 'fullResponse' },
				],
				default: 'postJson',
			},
			{ displayName: 'Path', name: 'path', type: 'string', default: '/api/echo' },
			{
				displayName: 'Contact',
				name: 'contactId',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchContacts' } },
					{
						displayName: 'By URL',
						name: 'url',
						type: 'string',
						extractValue: { type: 'regex', regex: 'contacts/(\\d+)' },
					},
					{ displayName: 'ID', name: 'id', type: 'string' },
				],
			},
			{ displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data' },
		],
	};

	methods = {
		listSearch: {
			async searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
				const { baseUrl } = await this.getCredentials('demoApi');
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
					url: `${baseUrl}/contacts`,
					method: 'GET',
					qs: { q: filter ?? '', page: paginationToken ?? '1' },
					json: true,
				})) as { results: Array<{ name: string; id: number }>; next?: string };
				return { results: response.results.map((r) => ({ name: r.name, value: String(r.id) })), paginationToken: response.next };
			},
		},
		loadOptions: {
			async currentPath(this: ILoadOptionsFunctions) {
				return [{ name: String(this.getCurrentNodeParameter('path')), value: 'x' }];
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				const { baseUrl } = await this.getCredentials('demoApi');
				const url = `${baseUrl}${this.getNodeParameter('path', i) as string}`;
				const contactId = this.getNodeParameter('contactId', i, '', { extractValue: true }) as string;
				if (operation === 'postJson') {
					const response = await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
						url,
						method: 'POST',
						json: true,
						body: { contactId, item: items[i].json },
						qs: { labels: ['a', 'b'] },
						arrayFormat: 'brackets',
					});
					out.push({ json: response as IDataObject, pairedItem: { item: i } });
				} else if (operation === 'upload') {
					const name = this.getNodeParameter('binaryPropertyName', i) as string;
					const meta = this.helpers.assertBinaryData(i, name);
					const buf = await this.helpers.getBinaryDataBuffer(i, name);
					const fd = new FormData();
					fd.append('content', `contact ${contactId}`);
					fd.append('attachments[]', new Blob([new Uint8Array(buf)], { type: meta.mimeType }), meta.fileName);
					const response = await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
						url,
						method: 'POST',
						body: fd,
					});
					out.push({ json: response as IDataObject, pairedItem: { item: i } });
				} else if (operation === 'fullResponse') {
					const response = await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
						url,
						method: 'POST',
						json: true,
						body: { i },
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
					});
					out.push({ json: response as IDataObject, pairedItem: { item: i } });
				} else if (operation === 'functionAuth') {
					const response = await this.helpers.httpRequestWithAuthentication.call(this, 'functionAuthApi', {
						url,
						method: 'GET',
						json: true,
					});
					out.push({ json: response as IDataObject, pairedItem: { item: i } });
				} else {
					const buf = (await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
						url,
						method: 'GET',
						encoding: 'arraybuffer',
					})) as ArrayBuffer;
					const binary = await this.helpers.prepareBinaryData(Buffer.from(buf), 'download.bin', 'application/octet-stream');
					out.push({ json: { size: binary.bytes }, binary: { data: binary }, pairedItem: { item: i } });
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message, httpCode: (error as NodeApiError).httpCode ?? null }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [out];
	}
}

class DemoTrigger implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Demo Trigger',
		name: 'demoTrigger',
		group: ['trigger'],
		inputs: [],
		outputs: ['main'],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [{ displayName: 'Secret', name: 'secret', type: 'string', default: '' }],
	} as INodeTypeDescription;

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (data.webhookId === undefined) return false;
				const { baseUrl } = await this.getCredentials('demoApi');
				const list = (await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
					url: `${baseUrl}/webhooks`,
					method: 'GET',
					json: true,
				})) as { ids: number[] };
				return list.ids.includes(data.webhookId as number);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { baseUrl } = await this.getCredentials('demoApi');
				const created = (await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
					url: `${baseUrl}/webhooks`,
					method: 'POST',
					json: true,
					body: { url: this.getNodeWebhookUrl('default'), mode: this.getMode(), activation: this.getActivationMode() },
				})) as { id: number };
				const data = this.getWorkflowStaticData('node');
				data.webhookId = created.id;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				const { baseUrl } = await this.getCredentials('demoApi');
				await this.helpers.httpRequestWithAuthentication.call(this, 'demoApi', {
					url: `${baseUrl}/webhooks/${data.webhookId as number}`,
					method: 'DELETE',
					json: true,
				});
				delete data.webhookId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject() as unknown as { rawBody: Buffer };
		const secret = this.getNodeParameter('secret') as string;
		const signature = this.getHeaderData()['x-signature'];
		const expected = createHash('sha256').update(secret).update(req.rawBody).digest('hex');
		if (signature !== expected) {
			const res = this.getResponseObject();
			res.status(401).send('invalid signature');
			return { noWebhookResponse: true };
		}
		const staticData = this.getWorkflowStaticData('node');
		return {
			workflowData: [this.helpers.returnJsonArray({ ...(this.getBodyData() as IDataObject), webhookId: staticData.webhookId as number, query: this.getQueryData() as IDataObject })],
		};
	}
}

// ----------------------------------------------------------------------------------------------

let server: EchoServer;
const noThrow = (): NodeApiError => {
	throw new Error('expected the node to throw');
};
const asApiError = (e: unknown): NodeApiError => e as NodeApiError;
const TOKEN = 'tok-123-secret';

function creds(): CredentialSpec[] {
	return [
		{ type: 'demoApi', data: { baseUrl: server.url, token: TOKEN }, credentialClass: new DemoApi() },
		{ type: 'functionAuthApi', data: { key: 'k1' }, credentialClass: new FunctionAuthApi() },
	];
}

beforeAll(async () => {
	server = await startEchoServer();
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.close();
});

describe('runNode with the real ExecuteContext', () => {
	it('POSTs JSON with generic credential auth, bracketed qs and an extracted resource locator', async () => {
		const [out] = await runNode(new DemoNode(), {
			parameters: {
				operation: 'postJson',
				contactId: { __rl: true, mode: 'url', value: 'https://chat.example.com/app/accounts/1/contacts/42' },
			},
			credentials: creds(),
			items: [{ json: { n: 1 } }],
		});
		const req = server.last();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/api/echo');
		expect(req.headers.api_access_token).toBe(TOKEN);
		expect(req.url).toContain('labels%5B%5D=a&labels%5B%5D=b');
		expect(req.query.getAll('labels[]')).toEqual(['a', 'b']);
		expect(req.query.get('region')).toBe('eu'); // credential default applied + generic qs auth
		expect(req.headers['content-type']).toMatch(/^application\/json/);
		expect(req.headers['user-agent']).toBe('n8n');
		expect(req.json()).toEqual({ contactId: '42', item: { n: 1 } });
		expect(out).toHaveLength(1);
		expect((out[0].json as IDataObject).method).toBe('POST');
	});

	it('applies a function-form authenticate', async () => {
		await runNode(new DemoNode(), { parameters: { operation: 'functionAuth', contactId: { __rl: true, mode: 'id', value: '7' } }, credentials: creds() });
		expect(server.last().headers['x-fn-key']).toBe('fn:k1');
		expect(server.last().headers.api_access_token).toBeUndefined();
	});

	it('sends binary input as multipart with global FormData/Blob, bytes intact', async () => {
		const bytes = Buffer.from([0, 1, 2, 255, 254, 13, 10, ...Buffer.from('hello png')]);
		const item = binaryItem({ a: 1 }, { data: { data: bytes, fileName: 'pic.png', mimeType: 'image/png' } });
		await runNode(new DemoNode(), {
			parameters: { operation: 'upload', path: '/upload', contactId: { __rl: true, mode: 'id', value: '9' } },
			credentials: creds(),
			items: [item],
		});
		const req = server.last();
		expect(req.headers.api_access_token).toBe(TOKEN);
		const contentType = String(req.headers['content-type']);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		// Parse the multipart body with the platform's own parser.
		const parsed = await new Response(new Uint8Array(req.body), { headers: { 'content-type': contentType } }).formData();
		expect(parsed.get('content')).toBe('contact 9');
		const file = parsed.get('attachments[]') as File;
		expect(file.name).toBe('pic.png');
		expect(file.type).toBe('image/png');
		const received = Buffer.from(await file.arrayBuffer());
		expect(createHash('sha256').update(received).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('prepareBinaryData works in memory (base64 mode)', async () => {
		const payload = Buffer.from('downloaded-bytes');
		server.enqueue({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: payload });
		const [out] = await runNode(new DemoNode(), { parameters: { operation: 'download', contactId: { __rl: true, mode: 'id', value: '1' } }, credentials: creds() });
		const binary = out[0].binary!.data;
		expect(binary.fileName).toBe('download.bin');
		expect(binary.mimeType).toBe('application/octet-stream');
		expect(binary.id).toBeUndefined();
		expect(Buffer.from(binary.data, 'base64').equals(payload)).toBe(true);
	});

	it('assertBinaryData throws a NodeOperationError for a missing binary property', async () => {
		await expect(
			runNode(new DemoNode(), {
				parameters: { operation: 'upload', binaryPropertyName: 'nope', contactId: { __rl: true, mode: 'id', value: '1' } },
				credentials: creds(),
				items: [binaryItem({}, { data: { data: Buffer.from('x'), fileName: 'x.txt', mimeType: 'text/plain' } })],
			}),
		).rejects.toBeInstanceOf(NodeOperationError);
		expect(server.requests).toHaveLength(0);
	});

	it('turns an HTTP 404 into a NodeApiError: httpCode + context.data survive, the AxiosError (cause) does not', async () => {
		server.enqueue({ status: 404, headers: { 'x-request-id': 'req-1' }, body: { error: 'Resource could not be found' } });
		let caught: unknown;
		try {
			await runNode(new DemoNode(), { parameters: { operation: 'postJson', contactId: { __rl: true, mode: 'id', value: '1' } }, credentials: creds() });
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeApiError);
		const error = caught as NodeApiError & IDataObject;
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('The resource you are requesting could not be found');
		expect(error.messages).toEqual(['Request failed with status code 404']);
		expect(error.description).toBe('Request failed with status code 404');
		expect(error.context.data).toEqual({ error: 'Resource could not be found' });
		// n8n-workflow 2.8.0's ExecutionBaseError declares a `cause;` class field, which re-defines the
		// `cause` Error just set to undefined: the AxiosError, its response headers and non-object bodies are gone.
		expect(Object.prototype.hasOwnProperty.call(error, 'cause')).toBe(true);
		expect(error.cause).toBeUndefined();
		expect(error.response).toBeUndefined();
		expect(error.errorResponse).toBeUndefined();
		expect(JSON.stringify(error)).not.toContain('req-1');
	});

	it('422 with a {message} body puts it in description and context.data', async () => {
		server.enqueue({ status: 422, body: { message: 'Email has already been taken', attributes: ['email'] } });
		const error = await runNode(new DemoNode(), { parameters: { operation: 'postJson', contactId: { __rl: true, mode: 'id', value: '1' } }, credentials: creds() }).then(noThrow, asApiError);
		expect(error.httpCode).toBe('422');
		expect(error.message).toBe('Your request is invalid or could not be processed by the service');
		expect(error.description).toBe('Email has already been taken');
		expect(error.context.data).toEqual({ message: 'Email has already been taken', attributes: ['email'] });
	});

	it('429 loses Retry-After on the thrown error; returnFullResponse + ignoreHttpStatusErrors keeps it', async () => {
		server.enqueue({ status: 429, headers: { 'retry-after': '7' }, body: 'Retry later' });
		const e429 = await runNode(new DemoNode(), { parameters: { operation: 'postJson', contactId: { __rl: true, mode: 'id', value: '1' } }, credentials: creds() }).then(noThrow, asApiError);
		expect(e429).toBeInstanceOf(NodeApiError);
		expect(e429.httpCode).toBe('429');
		expect(e429.message).toBe('The service is receiving too many requests from you');
		expect(e429.context.data).toBeUndefined();
		expect(e429.cause).toBeUndefined();

		server.enqueue({ status: 429, headers: { 'retry-after': '7' }, body: 'Retry later' }, { status: 502, body: { error: 'bad gateway' } });
		const [out] = await runNode(new DemoNode(), {
			parameters: { operation: 'fullResponse', contactId: { __rl: true, mode: 'id', value: '1' } },
			credentials: creds(),
			items: [{ json: {} }, { json: {} }],
		});
		expect(out[0].json).toMatchObject({ statusCode: 429, body: 'Retry later', headers: { 'retry-after': '7' } });
		expect(out[1].json).toMatchObject({ statusCode: 502, body: { error: 'bad gateway' } });
		expect(server.requests.map((r) => r.headers.api_access_token)).toEqual([TOKEN, TOKEN, TOKEN]);
	});

	it('network failures: the code is in httpCode (reset / refused), the raw text in messages[]', async () => {
		server.enqueue({ reset: true });
		const eReset = await runNode(new DemoNode(), { parameters: { operation: 'postJson', contactId: { __rl: true, mode: 'id', value: '1' } }, credentials: creds() }).then(noThrow, asApiError);
		expect(eReset).toBeInstanceOf(NodeApiError);
		expect(eReset.httpCode).toBe('ECONNRESET');
		expect(eReset.messages).toContain('socket hang up');
		expect(eReset.message).toMatch(/closed unexpectedly/);
		expect((eReset as unknown as IDataObject).code).toBeUndefined();

		const closed = await startEchoServer();
		const deadUrl = closed.url;
		await closed.close();
		const dead = creds();
		dead[0].data.baseUrl = deadUrl;
		const eRefused = await runNode(new DemoNode(), { parameters: { operation: 'postJson', contactId: { __rl: true, mode: 'id', value: '1' } }, credentials: dead }).then(noThrow, asApiError);
		expect(eRefused.httpCode).toBe('ECONNREFUSED');
		expect(eRefused.messages.join(' ')).toContain('ECONNREFUSED');
		expect(eRefused.message).toBe('The service refused the connection - perhaps it is offline');
	});

	it('honours continueOnFail() true and false', async () => {
		const params = { operation: 'postJson', contactId: { __rl: true, mode: 'id', value: '1' } };
		server.enqueue({ status: 404, body: { error: 'nope' } }, { status: 200, body: { ok: true } });
		const [out] = await runNode(new DemoNode(), { parameters: params, credentials: creds(), continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		expect(out).toHaveLength(2);
		expect(out[0].json).toEqual({ error: 'The resource you are requesting could not be found', httpCode: '404' });
		expect(out[1].json).toEqual({ ok: true });

		server.enqueue({ status: 404, body: { error: 'nope' } });
		await expect(runNode(new DemoNode(), { parameters: params, credentials: creds(), continueOnFail: false })).rejects.toBeInstanceOf(NodeApiError);
	});
});

describe('loadOptions with the real LoadOptionsContext', () => {
	it('calls listSearch with filter and pagination token', async () => {
		server.setDefault((req) => ({ body: { results: [{ name: `match ${req.query.get('q')}`, id: 5 }], next: req.query.get('page') === '1' ? '2' : undefined } }));
		const result = (await loadOptions(new DemoNode(), 'searchContacts', { credentials: creds(), parameters: {}, filter: 'ann', paginationToken: '1' })) as INodeListSearchResult;
		expect(result).toEqual({ results: [{ name: 'match ann', value: '5' }], paginationToken: '2' });
		expect(server.last().headers.api_access_token).toBe(TOKEN);
	});

	it('calls loadOptions methods with current node parameters', async () => {
		const result = await loadOptions(new DemoNode(), 'currentPath', { credentials: creds(), parameters: { path: '/x/y' } });
		expect(result).toEqual([{ name: '/x/y', value: 'x' }]);
	});
});

describe('webhook lifecycle with the real HookContext', () => {
	it('checkExists / create / delete share static data and see the webhook URL', async () => {
		const staticData: IDataObject = {};
		const webhookUrl = 'https://n8n.example.com/webhook/abc/webhook';
		const common = { parameters: { secret: 's' }, credentials: creds(), staticData, webhookUrl };

		expect(await runWebhookMethod(new DemoTrigger(), 'checkExists', common)).toBe(false);
		expect(server.requests).toHaveLength(0);

		server.enqueue({ status: 200, body: { id: 77 } });
		expect(await runWebhookMethod(new DemoTrigger(), 'create', common)).toBe(true);
		expect(server.last().json()).toEqual({ url: webhookUrl, mode: 'trigger', activation: 'activate' });
		expect(staticData.webhookId).toBe(77);

		server.enqueue({ status: 200, body: { ids: [1, 77] } });
		expect(await runWebhookMethod(new DemoTrigger(), 'checkExists', common)).toBe(true);

		server.enqueue({ status: 200, body: {} });
		expect(await runWebhookMethod(new DemoTrigger(), 'delete', common)).toBe(true);
		expect(server.last().method).toBe('DELETE');
		expect(server.last().path).toBe('/webhooks/77');
		expect(staticData.webhookId).toBeUndefined();
	});

	it('uses n8n-computed webhook URLs when none is given (manual = test URL)', async () => {
		server.setDefault((req) => ({ body: { id: 1, echoed: req.json() } }));
		await runWebhookMethod(new DemoTrigger(), 'create', { parameters: {}, credentials: creds(), staticData: {}, mode: 'manual' });
		expect((server.last().json() as IDataObject).url).toBe('http://n8n.harness.test/webhook-test/harness-webhook-id/webhook');
		await runWebhookMethod(new DemoTrigger(), 'create', { parameters: {}, credentials: creds(), staticData: {} });
		expect((server.last().json() as IDataObject).url).toBe('http://n8n.harness.test/webhook/harness-webhook-id/webhook');
	});
});

describe('runWebhook with the real WebhookContext', () => {
	const secret = 'shh';
	const body = { event: 'message_created', id: 3 };
	const rawBody = Buffer.from(JSON.stringify(body));
	const sign = (raw: Buffer) => createHash('sha256').update(secret).update(raw).digest('hex');

	it('returns workflowData for a valid signature', async () => {
		const result = await runWebhook(new DemoTrigger(), {
			parameters: { secret },
			credentials: creds(),
			staticData: { webhookId: 12 },
			request: { headers: { 'X-Signature': sign(rawBody), 'content-type': 'application/json' }, body, rawBody, query: { a: '1' } },
		});
		expect(result.status).toBe(200);
		expect(result.responseEnded).toBe(false);
		expect(result.workflowData).toEqual([[{ json: { ...body, webhookId: 12, query: { a: '1' } } }]]);
	});

	it('records a 401 written through getResponseObject()', async () => {
		const result = await runWebhook(new DemoTrigger(), {
			parameters: { secret },
			staticData: {},
			request: { headers: { 'x-signature': 'bad' }, body, rawBody },
		});
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData).toBeUndefined();
		expect(result.status).toBe(401);
		expect(result.responseBody).toBe('invalid signature');
		expect(result.responseEnded).toBe(true);
		expect(result.responseCalls).toEqual([['status', 401], ['send', 'invalid signature']]);
	});
});
