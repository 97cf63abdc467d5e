// Ported from spec/services/contacts/filter_service_spec.rb (FS = that file), through POST /contacts/filter.
import type { ChatwootSimulator } from '../index';
import { call, seedOracle, startOracle } from './_oracle';
import type { Oracle } from './_oracle';

let sim: ChatwootSimulator;
let o: Oracle;
let en: number;
let el: number;
let cs: number;
const DAY = 86400000;

beforeAll(async () => {
	sim = await startOracle();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	o = seedOracle(sim);
	// FS:10-28 + FS:36-56 (definitions) + FS:62-68 (labels, custom attributes)
	const def = (attributeKey: string, displayType: string) => sim.seed.customAttribute({ accountId: o.accountId, attributeKey, attributeModel: 'contact_attribute', displayType });
	def('contact_additional_information', 'text');
	def('customer_type', 'list');
	def('signed_in_at', 'date');
	def('lifetime_value', 'number');
	en = sim.seed.contact({ accountId: o.accountId, name: 'En Contact', email: 'en@x.test', additional_attributes: { country_code: 'uk' }, labels: ['random_label', 'support'], custom_attributes: { contact_additional_information: 'test custom data' } }).id;
	el = sim.seed.contact({ accountId: o.accountId, name: 'El Contact', email: 'el@x.test', additional_attributes: { country_code: 'gr' }, custom_attributes: { contact_additional_information: 'test custom data', customer_type: 'platinum' } }).id;
	cs = sim.seed.contact({ accountId: o.accountId, name: 'Cs Contact', email: 'cs@x.test', phone_number: '+420777000111', additional_attributes: { country_code: 'cz' }, labels: ['support'], custom_attributes: { customer_type: 'platinum', signed_in_at: '2022-01-19', lifetime_value: '120.50' } }).id;
});

async function ids(payload: unknown[]): Promise<number[]> {
	const r = await call(sim, 'POST', `${o.A}/contacts/filter`, { token: o.admin.access_token, body: { payload } });
	if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
	return r.json.payload.map((c: any) => c.id);
}
const cond = (attribute_key: string, filter_operator: string, values: unknown[], query_operator: string | null = null) => ({ attribute_key, filter_operator, values, query_operator });

it('FS:72-85 name equal_to', async () => {
	expect(await ids([cond('name', 'equal_to', ['En Contact'])])).toEqual([en]);
});

it('FS:90-103 phone_number equal_to', async () => {
	expect(await ids([cond('phone_number', 'equal_to', ['+420777000111'])])).toEqual([cs]);
});

it('FS:108-121 phone_number equal_to without the +', async () => {
	expect(await ids([cond('phone_number', 'equal_to', ['420777000111'])])).toEqual([cs]);
});

it('FS:126-137 blocked equal_to "true"', async () => {
	const blocked = sim.seed.contact({ accountId: o.accountId, name: 'Blocked', email: 'b@x.test', blocked: true }).id;
	expect(await ids([cond('blocked', 'equal_to', ['true'])])).toEqual([blocked]);
});

it('FS:140-145 blocked equal_to false', async () => {
	expect(await ids([cond('blocked', 'equal_to', [false])])).toHaveLength(3);
});

it('FS:150-163 labels equal_to', async () => {
	expect((await ids([cond('labels', 'equal_to', ['support'])])).sort()).toEqual([en, cs].sort());
});

it('FS:166-178 labels not_equal_to', async () => {
	expect(await ids([cond('labels', 'not_equal_to', ['support'])])).toEqual([el]);
});

it('FS:181-194 labels is_present', async () => {
	expect((await ids([cond('labels', 'is_present', [])])).sort()).toEqual([en, cs].sort());
});

it('FS:197-209 labels is_not_present', async () => {
	expect(await ids([cond('labels', 'is_not_present', [])])).toEqual([el]);
});

it('FS:212-222 an invalid query operator → 422', async () => {
	const r = await call(sim, 'POST', `${o.A}/contacts/filter`, { token: o.admin.access_token, body: { payload: [cond('labels', 'is_not_present', [], 'INVALID')] } });
	expect(r.status).toBe(422);
	expect(r.json.error).toBe('Query operator must be either "AND" or "OR".');
});

describe('last_activity_at (FS:226-313)', () => {
	beforeEach(() => {
		// FS:227-232: today - 4 / 5 / 2 days
		const today = Date.parse(new Date().toISOString().slice(0, 10));
		sim.db.contacts.find((c) => c.id === el)!.last_activity_at = today - 4 * DAY;
		sim.db.contacts.find((c) => c.id === cs)!.last_activity_at = today - 5 * DAY;
		sim.db.contacts.find((c) => c.id === en)!.last_activity_at = today - 2 * DAY;
	});

	it('FS:234-259 days_before 3 AND a custom text attribute', async () => {
		expect(await ids([cond('last_activity_at', 'days_before', [3], 'AND'), cond('contact_additional_information', 'equal_to', ['test custom data'])])).toEqual([el]);
	});

	it('FS:262-278 days_before 2', async () => {
		const found = await ids([cond('last_activity_at', 'days_before', [2])]);
		expect(found).toContain(el);
		expect(found).toContain(cs);
		expect(found).not.toContain(en);
	});

	it('FS:300-311 an injected date value → 422 invalid value', async () => {
		const r = await call(sim, 'POST', `${o.A}/contacts/filter`, {
			token: o.admin.access_token,
			body: { payload: [cond('last_activity_at', 'is_greater_than', ["2024-01-01'::date OR (SELECT pg_sleep(5)) IS NOT NULL --"])] },
		});
		expect(r.status).toBe(422);
		expect(r.json.error).toBe('Invalid value. The values provided for last_activity_at are invalid');
	});
});

it('FS:327-331 country_code (additional attribute) equal_to', async () => {
	expect(await ids([cond('country_code', 'equal_to', ['uk'])])).toEqual([en]);
});

it('FS:336-359 custom list AND labels AND custom date is_less_than', async () => {
	expect(await ids([cond('customer_type', 'equal_to', ['platinum'], 'AND'), cond('labels', 'equal_to', ['support'], 'AND'), cond('signed_in_at', 'is_less_than', ['2022-01-20'])])).toEqual([cs]);
});

it('FS:362-385 custom list AND country_code (upper-case value) AND custom text', async () => {
	expect(await ids([cond('customer_type', 'equal_to', ['platinum'], 'AND'), cond('country_code', 'equal_to', ['GR'], 'AND'), cond('contact_additional_information', 'equal_to', ['test custom data'])])).toEqual([el]);
});

it('FS:388-408 created_at is_less_than tomorrow AND custom list', async () => {
	const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
	const found = await ids([cond('customer_type', 'equal_to', ['platinum'], 'AND'), cond('created_at', 'is_less_than', [tomorrow])]);
	expect(found.sort()).toEqual([el, cs].sort());
});

it('FS:448-460 custom number is_greater_than compares numerically', async () => {
	expect(await ids([cond('lifetime_value', 'is_greater_than', ['100.25'])])).toEqual([cs]);
});

it('FS:463-474 an injected custom date value → 422 invalid value', async () => {
	const r = await call(sim, 'POST', `${o.A}/contacts/filter`, {
		token: o.admin.access_token,
		body: { payload: [cond('signed_in_at', 'is_less_than', ["2024-01-01'::date OR (SELECT pg_sleep(5)) IS NOT NULL --"])] },
	});
	expect(r.status).toBe(422);
});
