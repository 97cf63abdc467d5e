// Types for harness.js (plain CommonJS so scripts/start-demo.js can use it too).

export const REPO: string;
export const PACKAGE_NAME: string;
export const DEFAULT_N8N_VERSION: string;
export const ENCRYPTION_KEY: string;
export const OWNER: Readonly<{ email: string; firstName: string; lastName: string; password: string }>;

export interface N8nInstall {
	dir: string;
	bin: string;
	version: string;
	installedNow: boolean;
	installMs: number;
}

export function freePort(): Promise<number>;
export function ensureN8n(version?: string, opts?: { nodeBinary?: string }): Promise<N8nInstall>;
export function packPackage(): Promise<string>;
export function installPackageInto(userFolder: string, tgz: string): Promise<string>;
export function waitFor<T>(
	what: string,
	fn: () => Promise<T | undefined | false | null> | T | undefined | false | null,
	opts?: { timeoutMs?: number; intervalMs?: number },
): Promise<T>;
export function httpJson(
	method: string,
	url: string,
	opts?: { body?: unknown; headers?: Record<string, string>; cookie?: string },
): Promise<{ status: number; json: any; text: string; headers: Headers }>;
export function loadExample(name: string): any;
export function sleep(ms: number): Promise<void>;

export interface SimulatorInfo {
	url: string;
	accountId: number;
	token: string;
	agentToken: string;
	platformToken: string;
	apiInboxId: number;
	widgetInboxId: number;
	inbox_identifier: string;
	inboxIds: { api: number; web_widget: number };
}

export class SimulatorProcess {
	url: string;
	info: SimulatorInfo;
	control(method: string, path: string, body?: unknown): Promise<any>;
	state(): Promise<Record<string, any[]>>;
	waitForState<T>(what: string, predicate: (state: Record<string, any[]>) => T | undefined | false | null, opts?: { timeoutMs?: number }): Promise<T>;
	seedMany(kind: 'contacts' | 'conversations' | 'messages', body: Record<string, unknown>): Promise<number[]>;
	seed(kind: string, body: Record<string, unknown>): Promise<any>;
	customerMessage(body: {
		inboxId: number;
		sourceId?: string;
		contactId?: number;
		conversationId?: number;
		content: string;
		name?: string;
		email?: string;
	}): Promise<{ contact: any; source_id: string; conversation: any; message: any }>;
	deliveries(): Promise<any[]>;
	flush(): Promise<{ ok: boolean; deliveries: number }>;
	requests(): Promise<any[]>;
	stop(): Promise<void>;
}

export function startSimulator(opts?: {
	port?: number;
	seed?: string | null;
	workDir?: string;
	extraArgs?: string[];
	nodeBinary?: string;
}): Promise<SimulatorProcess>;

export interface CredentialRef {
	id: string;
	name: string;
}

export interface ExecuteResult {
	ok: boolean;
	code: number;
	result?: any;
	output: string;
}

export class N8nInstance {
	version: string;
	bin: string;
	install: N8nInstall;
	nodeBinary: string;
	userFolder: string;
	logDir: string;
	port: number;
	apiKey?: string;
	cookie?: string;
	owner?: { email: string; password: string };
	packageTgz: string;
	readonly n8nFolder: string;
	readonly baseUrl: string;
	readonly webhookBase: string;
	cli(args: string[], opts?: { allowFail?: boolean; timeoutMs?: number }): Promise<{ code: number; stdout: string; stderr: string }>;
	exportNodeTypes(): Promise<Array<{ name: string; displayName: string; [k: string]: any }>>;
	setupOwner(owner?: { email: string; firstName: string; lastName: string; password: string }): Promise<any>;
	createApiKey(): Promise<string>;
	api(method: string, path: string, body?: unknown): Promise<any>;
	apiRaw(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }>;
	createCredential(name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef & { type: string }>;
	createCredentialInEditor(name: string, type: string, data: Record<string, unknown>): Promise<CredentialRef & { type: string }>;
	createWorkflow(wf: any, credentials?: Record<string, CredentialRef>): Promise<{ id: string; name: string; nodes: any[]; [k: string]: any }>;
	activate(id: string): Promise<any>;
	deactivate(id: string): Promise<any>;
	publicationStatus(id: string): Promise<{ status: string; triggers: Array<{ nodeId: string; status: string; errorMessage?: string }> } | null>;
	waitForPublication(id: string, opts?: { timeoutMs?: number }): Promise<{ status: string; triggers: Array<{ nodeId: string; status: string; errorMessage?: string }> } | null>;
	executions(workflowId?: string, opts?: { includeData?: boolean; limit?: number }): Promise<any[]>;
	waitForExecutions(workflowId: string, count: number, opts?: { timeoutMs?: number }): Promise<any[]>;
	execute(workflowId: string): Promise<ExecuteResult>;
	static nodeOutput(runDataHolder: any, nodeName: string, opts?: { run?: number; output?: number }): any[];
	allLogs(): string;
	filesContaining(needle: string): string[];
	registeredIn(state: Record<string, any[]>): boolean;
	stop(opts?: { afterDeactivate?: () => Promise<unknown> }): Promise<void>;
}

export function startN8n(opts?: {
	version?: string;
	nodeBinary?: string;
	userFolder?: string;
	logDir?: string;
	port?: number;
	queue?: boolean;
	owner?: false | { email: string; firstName: string; lastName: string; password: string };
	env?: Record<string, string>;
	/** other community packages (npm specs) installed next to ours, e.g. '@devlikeapro/n8n-nodes-chatwoot@1.0.2' */
	peerPackages?: string[];
}): Promise<N8nInstance>;
