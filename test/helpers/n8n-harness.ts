/**
 * Runs this package's nodes inside n8n's REAL execution contexts (n8n-core 2.8.1):
 * `ExecuteContext` (via `WorkflowExecute.runNode`, exactly what the engine calls per node),
 * `LoadOptionsContext`, `HookContext` and `WebhookContext`. `this.helpers.httpRequestWithAuthentication`
 * is n8n-core's axios-based implementation, so HTTP really goes over loopback. Only the parts that
 * live in the n8n *server* package are faked: the credentials helper (a port of
 * `n8n/dist/credentials-helper.js` authenticate/preAuthentication/getDecrypted-defaults), the node-types
 * registry, the DI services that would touch ~/.n8n (InstanceSettings), start timers (SSHClientsManager)
 * or disk (BinaryDataService is run in memory/base64 mode), and express req/res for webhooks.
 *
 * WHERE AN HTTP FAILURE'S DATA LIVES (asserted in harness.test.ts; n8n-core 2.8.1 + n8n-workflow 2.8.0, the same
 * n8n-workflow that n8n 2.8.4 ships): `httpRequestWithAuthentication` catches the AxiosError and throws
 * `new NodeApiError(node, axiosError)`. What survives on that error:
 *   - `error instanceof NodeApiError`, `error.name === 'NodeApiError'`
 *   - `error.httpCode`   → HTTP status as a STRING ('404', '429', '502'); for network failures the errno
 *                          code instead: 'ECONNRESET' (socket destroyed), 'ECONNREFUSED'. Never a number.
 *   - `error.message`    → n8n's generic text for the status ("The resource you are requesting could not be
 *                          found", "The service is receiving too many requests from you", …)
 *   - `error.messages[]` → axios' original message(s): "Request failed with status code 404",
 *                          "socket hang up", "connect ECONNREFUSED 127.0.0.1:1234"
 *   - `error.description`→ `response.data.message` when the body is an object with `message`,
 *                          otherwise axios' message again
 *   - `error.context.data` → the parsed response body, ONLY when it is a JSON object (string bodies such as
 *                          Rack::Attack's "Retry later" are lost)
 * What does NOT survive: `error.cause` is an own property whose value is `undefined` (ExecutionBaseError
 * declares a `cause;` class field, which re-defines the cause that `Error`'s constructor had set), so the
 * AxiosError — `response.status/headers/data`, `code` — is gone. There is no `error.response`,
 * `error.code` or `error.errorResponse`. => Response HEADERS (Retry-After!) are unreachable from the thrown
 * error. To see them, request with `returnFullResponse: true, ignoreHttpStatusErrors: true`: the helper then
 * resolves `{ statusCode, statusMessage, headers, body }` for every status (network errors still throw).
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { BinaryDataService, InstanceSettings, WorkflowExecute, LoadOptionsContext, HookContext, WebhookContext } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	deepCopy,
	isExpression,
} from 'n8n-workflow';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRunExecutionData,
	IVersionedNodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export interface CredentialSpec {
	type: string;
	data: IDataObject;
	/** Class instance; its `authenticate`, `preAuthentication`, `properties` (defaults), `extends` are used. */
	credentialClass: ICredentialType;
}

export interface RunNodeOptions {
	/** Node parameters exactly as saved in a workflow (resource locators as {__rl:true, mode, value}). */
	parameters: IDataObject;
	credentials?: CredentialSpec[];
	/** Input items, default [{json:{}}]. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Default 'Chatwoot'. */
	nodeName?: string;
	/** Execution mode; default 'manual'. */
	mode?: WorkflowExecuteMode;
	/** Aborts `this.getExecutionCancelSignal()` (and thus in-flight httpRequest calls). */
	abortSignal?: AbortSignal;
}

export const HARNESS_BASE_URL = 'http://n8n.harness.test';
const PACKAGE_PREFIX = 'n8n-nodes-chatwoot-suite';

// ---------------------------------------------------------------------------------------------
// One-time DI setup
// ---------------------------------------------------------------------------------------------

const silentLogger = {
	error() {},
	warn() {},
	info() {},
	debug() {},
	verbose() {},
	scoped() {
		return silentLogger;
	},
};

let environmentReady = false;

/** Registers in-memory stand-ins for the DI services n8n-core's contexts pull from `Container`. Idempotent. */
export function ensureN8nEnvironment(): void {
	if (environmentReady) return;
	environmentReady = true;

	// n8n-core creates proxy agents from HTTP(S)_PROXY; loopback must never go through a proxy.
	const noProxy = [process.env.NO_PROXY, process.env.no_proxy, '127.0.0.1', 'localhost', '::1']
		.filter(Boolean)
		.join(',');
	process.env.NO_PROXY = noProxy;
	process.env.no_proxy = noProxy;

	Container.set(Logger, silentLogger as unknown as Logger);

	// The real InstanceSettings reads/creates ~/.n8n/config (encryption key) on construction.
	Container.set(InstanceSettings, {
		instanceId: 'harness-instance-id',
		hostId: 'main-harness',
		hmacSignatureSecret: 'harness-hmac-secret',
		encryptionKey: 'harness-encryption-key',
		n8nFolder: '/nonexistent/n8n-harness',
		staticCacheDir: '/nonexistent/n8n-harness/cache',
		instanceType: 'main',
		instanceRole: 'leader',
		isLeader: true,
		isWorker: false,
		isMultiMain: false,
		isSingleMain: true,
	} as unknown as InstanceSettings);

	// The real SSHClientsManager starts a 60s setInterval (keeps Jest alive) when ExecuteContext/
	// LoadOptionsContext call getSSHTunnelFunctions() in their constructors.
	Container.set(SSHClientsManager, {
		getClient: async () => {
			throw new Error('SSH tunnels are not available in the test harness');
		},
		updateLastUsed: () => {},
	} as unknown as SSHClientsManager);

	// BinaryDataService without init(): no manager is registered for its mode, so store() keeps the
	// data as base64 in `binary.data` and getAsBuffer() decodes it — n8n's in-memory ("default") mode.
	const binaryConfig = {
		mode: 'default',
		availableModes: ['default'],
		localStoragePath: '/nonexistent/n8n-harness/binaryData',
		signingSecret: 'harness-signing-secret',
		dbMaxFileSize: 512,
	};
	const errorReporter = { error() {}, warn() {}, info() {} };
	const binaryDataService = new BinaryDataService(
		binaryConfig as never,
		errorReporter as never,
		silentLogger as unknown as Logger,
	);
	(binaryDataService as unknown as { mode: string }).mode = 'default';
	Container.set(BinaryDataService, binaryDataService);
}

// ---------------------------------------------------------------------------------------------
// Node types & credentials
// ---------------------------------------------------------------------------------------------

type AnyNodeType = INodeType | IVersionedNodeType;

function isVersioned(nodeType: AnyNodeType): nodeType is IVersionedNodeType {
	return 'nodeVersions' in nodeType;
}

function typeName(nodeType: AnyNodeType): string {
	return `${PACKAGE_PREFIX}.${nodeType.description.name}`;
}

function defaultVersion(nodeType: AnyNodeType): number {
	if (isVersioned(nodeType)) return nodeType.currentVersion ?? nodeType.description.defaultVersion;
	const v = (nodeType as INodeType).description.version;
	return Array.isArray(v) ? Math.max(...v) : v;
}

class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly nodeType: AnyNodeType) {}

	getByName(name: string): AnyNodeType {
		return this.lookup(name);
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookup(name), version);
	}

	getKnownTypes(): IDataObject {
		return { [typeName(this.nodeType)]: { className: 'Harness', sourcePath: '' } };
	}

	private lookup(name: string): AnyNodeType {
		if (name !== typeName(this.nodeType)) throw new Error(`Unknown node type ${name} in harness`);
		return this.nodeType;
	}
}

/** In-memory replacement for n8n's (DB-backed) CredentialsHelper; logic ported from n8n 2.8.4. */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly specs: CredentialSpec[]) {
		super();
	}

	private spec(type: string): CredentialSpec {
		const spec = this.specs.find((s) => s.type === type);
		if (!spec) throw new Error(`Harness has no credential of type "${type}"`);
		return spec;
	}

	getParentTypes(name: string): string[] {
		const spec = this.specs.find((s) => s.type === name);
		const parents = spec?.credentialClass.extends ?? [];
		const out: string[] = [];
		for (const parent of parents) out.push(parent, ...this.getParentTypes(parent));
		return out;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, IDataObject>;
		const { authenticate } = this.spec(typeName).credentialClass;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as IDataObject)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value as string, credentials, workflow, node);
					if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
					requestOptions[outerKey][keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	private resolveValue(
		parameterValue: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const value = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		if (!value) return '';
		return (value as string | number).toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { credentialClass } = this.spec(typeName);
		const expirable = credentialClass.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined || typeof credentialClass.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] === '' || credentialsExpired) {
			const output = await credentialClass.preAuthentication.call(helpers, credentials);
			if (output[expirable.name] === undefined) return undefined;
			if (node.credentials) {
				await this.updateCredentials(node.credentials[typeName], typeName, Object.assign(credentials, output));
				return Object.assign(credentials, output);
			}
		}
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`getCredentials(${type}) is not supported by the harness; use getDecrypted`);
	}

	/** Like n8n: declared property defaults applied, undeclared keys dropped (NodeHelpers.getNodeParameters). */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const spec = this.spec(type);
		const data = deepCopy(spec.data) as ICredentialDataDecryptedObject;
		const resolved = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as never,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject | null;
		return resolved ?? data;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		Object.assign(this.spec(type).data, data);
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		Object.assign(this.spec(type).data, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const { credentialClass } = this.spec(type);
		const own = credentialClass.properties;
		const parents = (credentialClass.extends ?? []).filter((p) => this.specs.some((s) => s.type === p));
		if (!parents.length) return own;
		const combined: INodeProperties[] = [];
		for (const parent of parents) NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		NodeHelpers.mergeNodeProperties(combined, own);
		return combined;
	}
}

// ---------------------------------------------------------------------------------------------
// Workflow / additionalData
// ---------------------------------------------------------------------------------------------

interface Setup {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	nodeTypes: HarnessNodeTypes;
}

interface SetupOptions {
	parameters: IDataObject;
	credentials?: CredentialSpec[];
	typeVersion?: number;
	nodeName?: string;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	webhookId?: string;
}

function setup(nodeType: AnyNodeType, options: SetupOptions): Setup {
	ensureN8nEnvironment();
	const nodeTypes = new HarnessNodeTypes(nodeType);
	const credentials = options.credentials ?? [];
	const nodeName = options.nodeName ?? 'Chatwoot';
	const node: INode = {
		id: 'harness-node-id',
		name: nodeName,
		type: typeName(nodeType),
		typeVersion: options.typeVersion ?? defaultVersion(nodeType),
		position: [0, 0],
		parameters: deepCopy(options.parameters) as INode['parameters'],
		credentials: Object.fromEntries(
			credentials.map((c) => [c.type, { id: `harness-cred-${c.type}`, name: `${c.type} (harness)` }]),
		),
		webhookId: options.webhookId ?? 'harness-webhook-id',
		onError: options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	};
	const staticData: IDataObject = {};
	if (options.staticData) staticData[`node:${nodeName}`] = options.staticData;
	// Like n8n, the Workflow constructor fills parameter defaults into node.parameters.
	const workflow = new Workflow({
		id: 'harness-workflow-id',
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1' },
	});
	const unsupported = (what: string) => async () => {
		throw new Error(`${what} is not supported by the test harness`);
	};
	const additionalData = {
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		executionId: 'harness-execution-id',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${HARNESS_BASE_URL}/rest`,
		instanceBaseUrl: `${HARNESS_BASE_URL}/`,
		formWaitingBaseUrl: `${HARNESS_BASE_URL}/form-waiting`,
		webhookBaseUrl: `${HARNESS_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${HARNESS_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${HARNESS_BASE_URL}/webhook-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask'),
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, node: workflow.nodes[nodeName], additionalData, nodeTypes };
}

// ---------------------------------------------------------------------------------------------
// execute()
// ---------------------------------------------------------------------------------------------

/** Runs the node's execute() (or customOperations / declarative routing) like WorkflowExecute does. */
export async function runNode(nodeType: AnyNodeType, options: RunNodeOptions): Promise<INodeExecutionData[][]> {
	const { workflow, node, additionalData } = setup(nodeType, options);
	const mode = options.mode ?? 'manual';
	const items = options.items ?? [{ json: {} }];
	const executeData: IExecuteData = {
		node,
		data: { main: [items] },
		source: { main: [{ previousNode: 'Harness Input' }] },
	};
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [executeData] },
	} as never);
	const engine = new WorkflowExecute(additionalData, mode, runExecutionData);
	const abortSignal = options.abortSignal ?? new AbortController().signal;
	const result = await engine.runNode(workflow, executeData, runExecutionData, 0, additionalData, mode, abortSignal);
	const data = (result as { data?: INodeExecutionData[][] | null }).data;
	return (data ?? []) as INodeExecutionData[][];
}

// ---------------------------------------------------------------------------------------------
// loadOptions / listSearch
// ---------------------------------------------------------------------------------------------

export interface LoadOptionsOptions {
	credentials?: CredentialSpec[];
	/** The node's current parameters (what the UI sends as currentNodeParameters). */
	parameters?: IDataObject;
	filter?: string;
	paginationToken?: string;
	typeVersion?: number;
	/** Force which method table to use; default: listSearch if it has the method, else loadOptions. */
	kind?: 'listSearch' | 'loadOptions';
	/** Parameter path as the UI sends it, e.g. 'parameters.contactId'. */
	path?: string;
}

export async function loadOptions(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsOptions = {},
): Promise<INodeListSearchResult | INodePropertyOptions[]> {
	const parameters = options.parameters ?? {};
	const { workflow, node, additionalData } = setup(nodeType, {
		parameters,
		credentials: options.credentials,
		typeVersion: options.typeVersion,
		nodeName: 'Temp-Node',
	});
	additionalData.currentNodeParameters = deepCopy(parameters) as never;
	const versioned = NodeHelpers.getVersionedNodeType(nodeType, node.typeVersion);
	const methods = versioned.methods ?? {};
	const kind =
		options.kind ?? (methods.listSearch && methodName in methods.listSearch ? 'listSearch' : 'loadOptions');
	const method = (methods[kind] as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined)?.[
		methodName
	];
	if (typeof method !== 'function') throw new Error(`Node type has no methods.${kind}.${methodName}`);
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? `parameters.${methodName}`);
	if (kind === 'listSearch') {
		return (await method.call(context, options.filter, options.paginationToken)) as INodeListSearchResult;
	}
	return (await method.call(context)) as INodePropertyOptions[];
}

// ---------------------------------------------------------------------------------------------
// Webhook lifecycle (checkExists / create / delete) and webhook()
// ---------------------------------------------------------------------------------------------

function webhookDescription(nodeType: AnyNodeType, version: number, name: string): IWebhookDescription {
	const description = NodeHelpers.getVersionedNodeType(nodeType, version).description.webhooks?.find(
		(w) => w.name === name,
	);
	if (!description) throw new Error(`Node type has no webhook description named "${name}"`);
	return description;
}

function webhookData(
	setupResult: Setup,
	description: IWebhookDescription,
	isTest: boolean,
): IWebhookData {
	return {
		httpMethod: (typeof description.httpMethod === 'string' && !isExpression(description.httpMethod)
			? description.httpMethod
			: 'POST') as IWebhookData['httpMethod'],
		node: setupResult.node.name,
		path: typeof description.path === 'string' ? description.path : 'webhook',
		webhookDescription: description,
		workflowId: setupResult.workflow.id,
		workflowExecuteAdditionalData: setupResult.additionalData,
		isTest,
		webhookId: setupResult.node.webhookId,
	};
}

export interface WebhookMethodOptions {
	parameters: IDataObject;
	credentials?: CredentialSpec[];
	/** The node's static data (`getWorkflowStaticData('node')`); persisted across calls, mutated in place. */
	staticData: IDataObject;
	/** What `this.getNodeWebhookUrl('default')` returns; default: n8n's computed URL under HARNESS_BASE_URL. */
	webhookUrl?: string;
	/** 'trigger' = production activation (default, like ActiveWorkflowManager), 'manual' = test webhook. */
	mode?: WorkflowExecuteMode;
	activation?: WorkflowActivateMode;
	typeVersion?: number;
	nodeName?: string;
	webhookName?: string;
}

export async function runWebhookMethod(
	nodeType: AnyNodeType,
	method: 'checkExists' | 'create' | 'delete',
	options: WebhookMethodOptions,
): Promise<boolean | undefined> {
	const s = setup(nodeType, options);
	const mode = options.mode ?? 'trigger';
	const name = options.webhookName ?? 'default';
	const versioned = NodeHelpers.getVersionedNodeType(nodeType, s.node.typeVersion);
	const methods = versioned.webhookMethods as
		| Record<string, Record<string, (this: unknown) => Promise<boolean>> | undefined>
		| undefined;
	const fn = methods?.[name]?.[method];
	if (typeof fn !== 'function') throw new Error(`Node type has no webhookMethods.${name}.${method}`);
	const description = webhookDescription(nodeType, s.node.typeVersion, name);
	const activation = options.activation ?? (mode === 'manual' ? 'manual' : 'activate');
	const context = new HookContext(s.workflow, s.node, s.additionalData, mode, activation, webhookData(s, description, mode === 'manual'));
	overrideWebhookUrl(context, name, options.webhookUrl);
	return await fn.call(context);
}

function overrideWebhookUrl(
	context: { getNodeWebhookUrl(name: string): string | undefined },
	name: string,
	webhookUrl: string | undefined,
): void {
	if (webhookUrl === undefined) return;
	const original = context.getNodeWebhookUrl.bind(context);
	context.getNodeWebhookUrl = (requested: string) => (requested === name ? webhookUrl : original(requested));
}

export interface FakeRequest {
	headers: Record<string, string | string[] | undefined>;
	/** Parsed body, as n8n's body parser leaves it in req.body. */
	body: unknown;
	/** Raw bytes, as n8n keeps them in req.rawBody (needed for HMAC checks). */
	rawBody: Buffer;
	/**
	 * How the raw bytes are handed over: 'eager' (default) in req.rawBody; 'lazy' only through
	 * req.readRawBody(), like n8n's rawBodyReader middleware before a body parser ran; 'none': no raw
	 * bytes at all (only the parsed body).
	 */
	rawBodyMode?: 'eager' | 'lazy' | 'none';
	query?: Record<string, unknown>;
	method?: string;
	params?: Record<string, string>;
	/** Path+query; default '/webhook/<id>'. */
	url?: string;
}

export interface RunWebhookOptions extends Omit<WebhookMethodOptions, 'mode' | 'activation'> {
	request: FakeRequest;
	/** Default 'webhook' (production); use 'manual' for a test-webhook call. */
	mode?: WorkflowExecuteMode;
}

export interface RunWebhookResult extends IWebhookResponseData {
	/** HTTP status written through getResponseObject() (200 if the node wrote nothing). */
	status: number;
	/** Body passed to res.send/json/end (undefined if none). */
	responseBody?: unknown;
	responseHeaders: Record<string, string | number | string[]>;
	/** True when the node ended the response itself (send/json/end/sendStatus). */
	responseEnded: boolean;
	/** Every call made on the fake response, in order: e.g. [['status',401],['send','bad signature']]. */
	responseCalls: Array<[string, ...unknown[]]>;
}

export interface FakeResponse {
	statusCode: number;
	headersSent: boolean;
	writableEnded: boolean;
	calls: Array<[string, ...unknown[]]>;
	body?: unknown;
	headers: Record<string, string | number | string[]>;
	status(code: number): FakeResponse;
	sendStatus(code: number): FakeResponse;
	send(body?: unknown): FakeResponse;
	json(body?: unknown): FakeResponse;
	end(body?: unknown): FakeResponse;
	write(chunk: unknown): boolean;
	setHeader(name: string, value: string | number | string[]): FakeResponse;
	set(name: string | Record<string, string>, value?: string): FakeResponse;
	header(name: string, value: string): FakeResponse;
	getHeader(name: string): string | number | string[] | undefined;
	type(contentType: string): FakeResponse;
	writeHead(code: number, headers?: Record<string, string>): FakeResponse;
}

export function createFakeResponse(): FakeResponse {
	const res: FakeResponse = {
		statusCode: 200,
		headersSent: false,
		writableEnded: false,
		calls: [],
		headers: {},
		status(code) {
			res.calls.push(['status', code]);
			res.statusCode = code;
			return res;
		},
		sendStatus(code) {
			res.calls.push(['sendStatus', code]);
			res.statusCode = code;
			return finish(String(code));
		},
		send(body) {
			res.calls.push(['send', body]);
			return finish(body);
		},
		json(body) {
			res.calls.push(['json', body]);
			res.headers['content-type'] ??= 'application/json';
			return finish(body);
		},
		end(body) {
			res.calls.push(['end', body]);
			return finish(body);
		},
		write(chunk) {
			res.calls.push(['write', chunk]);
			res.headersSent = true;
			res.body = res.body === undefined ? chunk : `${String(res.body)}${String(chunk)}`;
			return true;
		},
		setHeader(name, value) {
			res.calls.push(['setHeader', name, value]);
			res.headers[name.toLowerCase()] = value;
			return res;
		},
		set(name, value) {
			if (typeof name === 'string') return res.setHeader(name, value ?? '');
			for (const [k, v] of Object.entries(name)) res.setHeader(k, v);
			return res;
		},
		header(name, value) {
			return res.setHeader(name, value);
		},
		getHeader(name) {
			return res.headers[name.toLowerCase()];
		},
		type(contentType) {
			return res.setHeader('content-type', contentType);
		},
		writeHead(code, headers) {
			res.calls.push(['writeHead', code, headers]);
			res.statusCode = code;
			for (const [k, v] of Object.entries(headers ?? {})) res.headers[k.toLowerCase()] = v;
			res.headersSent = true;
			return res;
		},
	};
	function finish(body: unknown): FakeResponse {
		if (res.writableEnded) throw new Error('Fake response: response already ended');
		if (body !== undefined) res.body = body;
		res.headersSent = true;
		res.writableEnded = true;
		return res;
	}
	return res;
}

function createFakeRequest(request: FakeRequest) {
	const headers: Record<string, string | string[] | undefined> = {};
	for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = v;
	const method = request.method ?? 'POST';
	const mode = request.rawBodyMode ?? 'eager';
	const req = {
		headers,
		body: request.body,
		rawBody: mode === 'eager' ? request.rawBody : (undefined as Buffer | undefined),
		readRawBody:
			mode === 'lazy'
				? async () => {
						req.rawBody = request.rawBody;
					}
				: undefined,
		query: request.query ?? {},
		params: request.params ?? {},
		method,
		url: request.url ?? '/webhook/harness-webhook-id',
		originalUrl: request.url ?? '/webhook/harness-webhook-id',
		get(name: string) {
			return headers[name.toLowerCase()];
		},
		header(name: string) {
			return headers[name.toLowerCase()];
		},
	};
	return req;
}

export async function runWebhook(nodeType: AnyNodeType, options: RunWebhookOptions): Promise<RunWebhookResult> {
	const s = setup(nodeType, options);
	const mode = options.mode ?? 'webhook';
	const name = options.webhookName ?? 'default';
	const versioned = NodeHelpers.getVersionedNodeType(nodeType, s.node.typeVersion);
	if (typeof versioned.webhook !== 'function') throw new Error('Node type has no webhook()');
	const description = webhookDescription(nodeType, s.node.typeVersion, name);
	const res = createFakeResponse();
	s.additionalData.httpRequest = createFakeRequest(options.request) as never;
	s.additionalData.httpResponse = res as never;
	const data = webhookData(s, description, mode === 'manual');
	const context = new WebhookContext(s.workflow, s.node, s.additionalData, mode, data, [], null);
	overrideWebhookUrl(context, name, options.webhookUrl);
	const response = (await versioned.webhook.call(context)) as IWebhookResponseData;
	return {
		...response,
		status: res.statusCode,
		responseBody: res.body,
		responseHeaders: res.headers,
		responseEnded: res.writableEnded,
		responseCalls: res.calls,
	};
}

// ---------------------------------------------------------------------------------------------
// Binary items
// ---------------------------------------------------------------------------------------------

/** An input item whose binary properties `assertBinaryData` / `getBinaryDataBuffer` can read (base64 in memory). */
export function binaryItem(
	json: IDataObject,
	files: Record<string, { data: Buffer; fileName: string; mimeType: string }>,
): INodeExecutionData {
	const binary: Record<string, IBinaryData> = {};
	for (const [key, file] of Object.entries(files)) {
		const dot = file.fileName.lastIndexOf('.');
		binary[key] = {
			data: file.data.toString('base64'),
			mimeType: file.mimeType,
			fileName: file.fileName,
			fileExtension: dot > 0 ? file.fileName.slice(dot + 1) : undefined,
			fileType: fileTypeOf(file.mimeType),
			fileSize: `${file.data.length} B`,
			bytes: file.data.length,
		} as IBinaryData;
	}
	return { json, binary };
}

function fileTypeOf(mimeType: string): IBinaryData['fileType'] {
	if (mimeType.startsWith('image/')) return 'image';
	if (mimeType.startsWith('audio/')) return 'audio';
	if (mimeType.startsWith('video/')) return 'video';
	if (mimeType.startsWith('text/')) return 'text';
	if (mimeType === 'application/json') return 'json';
	if (mimeType === 'application/pdf') return 'pdf';
	return undefined;
}
