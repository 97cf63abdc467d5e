import type { IDataObject } from 'n8n-workflow';

import { identifierHash } from '../../../../nodes/ChatwootClient/helpers/identity';
import { checkContract, client, clientError, clientItems, errorText, seedBasics, startEnv } from '../setup';
import type { Env, Simulator } from '../setup';

// Computed once, independently of this code:
//   printf '%s' 'user-4242' | openssl dgst -sha256 -hmac 'Kx7pQ2mN9vR4tY8wZ1aB3cD5'
const VECTOR = {
	key: 'Kx7pQ2mN9vR4tY8wZ1aB3cD5',
	identifier: 'user-4242',
	hash: '0bba47b2cbaa3c02c5d6df1b6a2d61bd3836648e013d27813f4162c621d01e58',
};

describe('Chatwoot Client: contact', () => {
	let sim: Simulator;
	let env: Env;
	beforeAll(async () => {
		sim = await startEnv();
	});
	afterAll(async () => await sim.close());
	beforeEach(() => {
		env = seedBasics(sim);
	});
	afterEach(() => checkContract(sim));

	const contactInboxOf = (sourceId: unknown): IDataObject =>
		sim.db.contactInboxes.find((ci: IDataObject) => ci.source_id === sourceId && ci.inbox_id === env.inboxId);

	it('identifier_hash matches the independently computed HMAC-SHA256 test vector', () => {
		expect(identifierHash(VECTOR.key, VECTOR.identifier)).toBe(VECTOR.hash);
	});

	it('creates a contact in the inbox; source_id and pubsub_token are at the top level', async () => {
		const [out] = await client(env, 'contact', 'create', {
			additionalFields: {
				name: 'Jane Visitor',
				email: 'jane@example.com',
				phoneNumber: '+14155550100',
				identifier: 'app-user-1',
				avatarUrl: 'https://example.com/jane.png',
				customAttributes: '{"plan": "pro"}',
			},
		});
		expect(typeof out.source_id).toBe('string');
		expect(String(out.source_id)).not.toBe('');
		expect(typeof out.pubsub_token).toBe('string');
		const ci = contactInboxOf(out.source_id);
		expect(ci).toBeDefined();
		expect(ci.pubsub_token).toBe(out.pubsub_token);
		expect(ci.hmac_verified).toBe(false);
		const stored = sim.db.contacts.find((c: IDataObject) => c.id === ci.contact_id);
		expect(stored).toMatchObject({
			account_id: env.accountId,
			name: 'Jane Visitor',
			email: 'jane@example.com',
			phone_number: '+14155550100',
			identifier: 'app-user-1',
			custom_attributes: { plan: 'pro' },
		});
		expect(out).toMatchObject({ id: stored.id, name: 'Jane Visitor', email: 'jane@example.com' });
		// Without an HMAC token in the credential, no hash is sent.
		const create = sim.requests.find((r: IDataObject) => r.method === 'POST');
		expect(create.path).toBe(`/public/api/v1/inboxes/${env.inboxIdentifier}/contacts`);
		expect(create.body.identifier_hash).toBeUndefined();
		expect(create.body.avatar_url).toBe('https://example.com/jane.png');
	});

	it('sends only the fields that were set, and uses a given source ID', async () => {
		const [out] = await client(env, 'contact', 'create', { additionalFields: { sourceId: 'session-abc' } });
		expect(out.source_id).toBe('session-abc');
		expect(contactInboxOf('session-abc')).toBeDefined();
		const create = sim.requests.find((r: IDataObject) => r.method === 'POST');
		expect(create.body).toEqual({ source_id: 'session-abc' });
	});

	it('sends identifier_hash computed with the HMAC token; a follow-up GET with the hash marks the contact verified', async () => {
		const inbox = sim.db.inboxes.find((i: IDataObject) => i.id === env.inboxId);
		inbox.hmac_token = VECTOR.key;
		inbox.hmac_mandatory = true;
		const [out] = await client(
			env,
			'contact',
			'create',
			{ additionalFields: { identifier: VECTOR.identifier, name: 'Verified' } },
			{ credential: { hmacToken: VECTOR.key } },
		);
		const create = sim.requests.find((r: IDataObject) => r.method === 'POST');
		expect(create.body).toMatchObject({ identifier: VECTOR.identifier, identifier_hash: VECTOR.hash });
		// fidelity review A3: Chatwoot's create leaves hmac_verified false; the node verifies with a GET
		const verify = sim.requests.filter((r: IDataObject) => r.method === 'GET');
		expect(verify).toHaveLength(1);
		expect(verify[0].query).toEqual({ identifier: VECTOR.identifier, identifier_hash: VECTOR.hash });
		expect(contactInboxOf(out.source_id).hmac_verified).toBe(true);
	});

	// fidelity review A1: Chatwoot checks the HMAC on GET too; without identifier + hash it answers HTTP 500
	it('gets a contact on an inbox that enforces identity validation, with the identifier (and verifies it)', async () => {
		env = seedBasics(sim, { hmacMandatory: true });
		const hash = identifierHash(env.hmacToken, 'member-7');
		const created = await fetch(`${sim.url}/public/api/v1/inboxes/${env.inboxIdentifier}/contacts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ identifier: 'member-7', identifier_hash: hash, name: 'Member' }),
		}).then(async (r) => (await r.json()) as IDataObject);
		expect(contactInboxOf(created.source_id).hmac_verified).toBe(false);
		sim.clearRequests();
		const [out] = await client(
			env,
			'contact',
			'get',
			{ contactIdentifier: created.source_id, identifier: 'member-7' },
			{ credential: { hmacToken: env.hmacToken } },
		);
		expect(out).toMatchObject({ id: created.id, source_id: created.source_id, name: 'Member' });
		expect(sim.requests[0].query).toEqual({ identifier: 'member-7', identifier_hash: hash });
		expect(contactInboxOf(created.source_id).hmac_verified).toBe(true);
	});

	it('explains the HTTP 500 of a Get without identifier on an inbox that enforces identity validation', async () => {
		env = seedBasics(sim, { hmacMandatory: true });
		const hash = identifierHash(env.hmacToken, 'member-8');
		const created = await fetch(`${sim.url}/public/api/v1/inboxes/${env.inboxIdentifier}/contacts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ identifier: 'member-8', identifier_hash: hash }),
		}).then(async (r) => (await r.json()) as IDataObject);
		const error = await clientError(env, 'contact', 'get', { contactIdentifier: created.source_id }, { credential: { hmacToken: env.hmacToken } });
		expect(error.httpCode).toBe('500');
		expect(error.message).toMatch(/identity verification \(HMAC\)/);
		expect(errorText(error)).toContain('Identifier');
	});

	it('explains a wrong HMAC token (Chatwoot answers HTTP 500) without leaking the token', async () => {
		env = seedBasics(sim, { hmacMandatory: true });
		const wrongToken = 'wrong-hmac-token-123456';
		const error = await clientError(
			env,
			'contact',
			'create',
			{ additionalFields: { identifier: 'user-1' } },
			{ credential: { hmacToken: wrongToken } },
		);
		const text = errorText(error);
		expect(error.message).toMatch(/identity verification \(HMAC\)/);
		expect(text).toContain('Settings → Inboxes');
		expect(text).toContain('HMAC token');
		expect(text).toContain('Enforce user identity validation');
		expect(JSON.stringify(error)).not.toContain(wrongToken);
		expect(text).not.toContain(wrongToken);
		expect(sim.db.contactInboxes).toHaveLength(0);
		expect(sim.requests.filter((r: IDataObject) => r.method === 'POST')).toHaveLength(1);
	});

	it('explains an inbox that enforces identity validation when the credential has no HMAC token', async () => {
		env = seedBasics(sim, { hmacMandatory: true });
		const error = await clientError(env, 'contact', 'create', { additionalFields: { identifier: 'user-1' } });
		// production Chatwoot hides the exception text of the 500, so the message says "most likely"
		expect(error.message).toMatch(/HTTP 500 .*most likely .*identity verification \(HMAC\)/);
		expect(errorText(error)).toContain('the credential has no HMAC token');
		expect(errorText(error)).toContain('Enforce user identity validation');
		expect(sim.db.contactInboxes).toHaveLength(0);
	});

	it('points at identity verification when Chatwoot hides the reason of an HTTP 500 (production)', async () => {
		sim.setFaults({ rate: 1, kinds: ['500'], when: 'before', methods: ['POST'], pathPattern: '/contacts$' });
		const error = await clientError(
			env,
			'contact',
			'create',
			{ additionalFields: { identifier: 'user-9' } },
			{ credential: { hmacToken: 'some-token-value' } },
		);
		sim.setFaults(null);
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe('Chatwoot answered HTTP 500 for this contact, most likely because its identity verification (HMAC) failed');
		expect(errorText(error)).toContain('Enforce user identity validation');
		expect(errorText(error)).not.toContain('some-token-value');
	});

	it('leaves other errors alone: a 500 on a conversation call is not blamed on HMAC', async () => {
		const [created] = await client(env, 'contact', 'create', { additionalFields: { name: 'C' } });
		sim.setFaults({ rate: 1, kinds: ['500'], when: 'before', methods: ['POST'], pathPattern: '/conversations$' });
		const error = await clientError(env, 'conversation', 'create', { contactIdentifier: created.source_id });
		sim.setFaults(null);
		expect(error.httpCode).toBe('500');
		expect(errorText(error)).not.toContain('HMAC');
	});

	it('gets a contact by its contact identifier', async () => {
		const [created] = await client(env, 'contact', 'create', { additionalFields: { name: 'Getme', email: 'get@example.com' } });
		const [out] = await client(env, 'contact', 'get', { contactIdentifier: created.source_id });
		expect(out).toMatchObject({ id: created.id, source_id: created.source_id, pubsub_token: created.pubsub_token, name: 'Getme' });
	});

	it('updates a contact; the output keeps source_id for the next node', async () => {
		const [created] = await client(env, 'contact', 'create', { additionalFields: { name: 'Old Name' } });
		const [out] = await client(env, 'contact', 'update', {
			contactIdentifier: created.source_id,
			updateFields: { name: 'New Name', email: 'new@example.com', customAttributes: { tier: 'gold' } },
		});
		const stored = sim.db.contacts.find((c: IDataObject) => c.id === created.id);
		expect(stored).toMatchObject({ name: 'New Name', email: 'new@example.com', custom_attributes: { tier: 'gold' } });
		expect(out).toMatchObject({ id: created.id, name: 'New Name', source_id: created.source_id });
		const patch = sim.requests.find((r: IDataObject) => r.method === 'PATCH');
		expect(patch.path).toBe(`/public/api/v1/inboxes/${env.inboxIdentifier}/contacts/${String(created.source_id)}`);
		expect(patch.body).toEqual({ name: 'New Name', email: 'new@example.com', custom_attributes: { tier: 'gold' } });
	});

	it('update with an identifier sends its identifier_hash and verifies the contact', async () => {
		const [created] = await client(env, 'contact', 'create', { additionalFields: { name: 'Later' } });
		await client(
			env,
			'contact',
			'update',
			{ contactIdentifier: created.source_id, updateFields: { identifier: 'later-1' } },
			{ credential: { hmacToken: env.hmacToken } },
		);
		const patch = sim.requests.find((r: IDataObject) => r.method === 'PATCH');
		expect(patch.body).toEqual({ identifier: 'later-1', identifier_hash: identifierHash(env.hmacToken, 'later-1') });
		expect(contactInboxOf(created.source_id).hmac_verified).toBe(true);
		// fidelity review A14: Chatwoot's ContactIdentifyAction gets params.except(:identifier) — the identifier is not stored
		expect(sim.db.contacts.find((c: IDataObject) => c.id === created.id).identifier).toBeNull();
	});

	it('names the unknown contact identifier on a 404', async () => {
		const error = await clientError(env, 'contact', 'get', { contactIdentifier: 'no-such-source' });
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('No contact with the contact identifier (source ID) "no-such-source"');
		expect(errorText(error)).toContain('source_id');
	});

	it('names the unknown inbox identifier on a 404', async () => {
		const error = await clientError(
			env,
			'contact',
			'create',
			{ additionalFields: { name: 'X' } },
			{ credential: { inboxIdentifier: 'not-an-inbox' } },
		);
		expect(error.httpCode).toBe('404');
		expect(error.message).toContain('no API inbox with the inbox identifier "not-an-inbox"');
		expect(errorText(error)).toContain('Settings → Inboxes');
		expect(sim.db.contacts).toHaveLength(0);
	});

	it('continues on fail with one error item per failing input item, paired to it', async () => {
		const [created] = await client(env, 'contact', 'create', { additionalFields: { name: 'Real' } });
		const items = await clientItems(
			env,
			'contact',
			'get',
			{ contactIdentifier: '={{ $json.sid }}' },
			{ continueOnFail: true, items: [{ json: { sid: 'missing-1' } }, { json: { sid: created.source_id } }] },
		);
		expect(items).toHaveLength(2);
		expect(String(items[0].json.error)).toContain('"missing-1"');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json).toMatchObject({ id: created.id });
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('rejects an update without fields before calling Chatwoot', async () => {
		const [created] = await client(env, 'contact', 'create', { additionalFields: { name: 'Same' } });
		sim.clearRequests();
		const error = await clientError(env, 'contact', 'update', { contactIdentifier: created.source_id, updateFields: {} });
		expect(error.message).toBe('Nothing to update');
		expect(sim.requests).toHaveLength(0);
		// afterEach needs at least one request to check
		await client(env, 'contact', 'get', { contactIdentifier: created.source_id });
	});
});
