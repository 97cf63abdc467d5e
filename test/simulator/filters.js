'use strict';
// FilterService-like evaluation for POST /contacts/filter and /conversations/filter.
const { ERR } = require('./util');

const TEXT_OPS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain', 'is_present', 'is_not_present'];
const EQ_OPS = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'];
const NUM_OPS = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present', 'is_greater_than', 'is_less_than'];
const DATE_OPS = ['is_greater_than', 'is_less_than', 'days_before', 'equal_to', 'not_equal_to'];

const CONTACT_ATTRS = {
	name: { get: (c) => c.name, ops: TEXT_OPS },
	email: { get: (c) => c.email, ops: TEXT_OPS },
	phone_number: { get: (c) => c.phone_number, ops: TEXT_OPS },
	identifier: { get: (c) => c.identifier, ops: EQ_OPS.concat(['contains', 'does_not_contain']) },
	country_code: { get: (c) => c.additional_attributes.country_code, ops: EQ_OPS },
	city: { get: (c) => c.additional_attributes.city, ops: TEXT_OPS },
	company: { get: (c) => c.additional_attributes.company_name, ops: TEXT_OPS },
	blocked: { get: (c) => c.blocked, ops: EQ_OPS },
	labels: { get: (c) => c.labels, ops: EQ_OPS, list: true },
	created_at: { get: (c) => c.created_at, ops: DATE_OPS, date: true },
	last_activity_at: { get: (c) => c.last_activity_at, ops: DATE_OPS, date: true },
	referer: { get: (c) => c.additional_attributes.referer, ops: TEXT_OPS },
};

const CONVERSATION_ATTRS = {
	status: { get: (c) => c.status, ops: EQ_OPS },
	assignee_id: { get: (c) => c.assignee_id, ops: EQ_OPS },
	inbox_id: { get: (c) => c.inbox_id, ops: EQ_OPS },
	team_id: { get: (c) => c.team_id, ops: EQ_OPS },
	priority: { get: (c) => c.priority, ops: EQ_OPS },
	display_id: { get: (c) => c.display_id, ops: NUM_OPS },
	id: { get: (c) => c.display_id, ops: NUM_OPS },
	labels: { get: (c) => c.labels, ops: EQ_OPS, list: true },
	browser_language: { get: (c) => c.additional_attributes.browser_language, ops: EQ_OPS },
	conversation_language: { get: (c) => c.additional_attributes.conversation_language, ops: EQ_OPS },
	referer: { get: (c) => c.additional_attributes.referer, ops: TEXT_OPS },
	created_at: { get: (c) => c.created_at, ops: DATE_OPS, date: true },
	last_activity_at: { get: (c) => c.last_activity_at, ops: DATE_OPS, date: true },
};

const blank = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const norm = (v) => (typeof v === 'string' ? v.toLowerCase() : v === null || v === undefined ? v : String(v).toLowerCase());

function evalCond(value, op, values, def, now) {
	const vals = (Array.isArray(values) ? values : [values]).map((v) => (v && typeof v === 'object' && 'id' in v ? v.id : v));
	if (def.list) {
		const list = (value || []).map(norm);
		const want = vals.map(norm);
		if (op === 'equal_to') return want.some((w) => list.includes(w));
		if (op === 'not_equal_to') return !want.some((w) => list.includes(w));
		if (op === 'is_present') return list.length > 0;
		if (op === 'is_not_present') return list.length === 0;
	}
	if (def.date) {
		if (value == null) return false;
		const v0 = vals[0];
		if (op === 'days_before') return value < now - Number(v0) * 86400000;
		const t = typeof v0 === 'number' ? v0 * (v0 < 1e11 ? 1000 : 1) : Date.parse(v0);
		const day = (ms) => new Date(ms).toISOString().slice(0, 10);
		if (op === 'is_greater_than') return value > t;
		if (op === 'is_less_than') return value < t;
		if (op === 'equal_to') return day(value) === day(t);
		if (op === 'not_equal_to') return day(value) !== day(t);
	}
	switch (op) {
		case 'equal_to':
			return !blank(value) && vals.map(norm).includes(norm(value));
		case 'not_equal_to':
			return blank(value) || !vals.map(norm).includes(norm(value));
		case 'contains':
			return !blank(value) && norm(value).includes(norm(vals[0] ?? ''));
		case 'does_not_contain':
			return blank(value) || !norm(value).includes(norm(vals[0] ?? ''));
		case 'is_present':
			return !blank(value);
		case 'is_not_present':
			return blank(value);
		case 'is_greater_than':
			return !blank(value) && Number(value) > Number(vals[0]);
		case 'is_less_than':
			return !blank(value) && Number(value) < Number(vals[0]);
		default:
			return false;
	}
}

/**
 * Compiles a filter payload into a predicate. Unknown keys are treated as custom attributes when
 * `isCustomKey(key)` says so; otherwise 422 {"error":"Invalid attribute key - [key]"}.
 */
function compileFilter(payload, attrs, isCustomKey, now) {
	if (!Array.isArray(payload) || !payload.length) throw ERR.unprocessable('Invalid filter payload');
	const conds = payload.map((p) => {
		const key = p.attribute_key;
		const op = p.filter_operator;
		let def = attrs[key];
		if (!def) {
			if (key && isCustomKey(key)) def = { get: (r) => (r.custom_attributes || {})[key], ops: [...TEXT_OPS, 'is_greater_than', 'is_less_than'] };
			else throw ERR.unprocessable(`Invalid attribute key - [${key}]`);
		}
		if (!def.ops.includes(op)) throw ERR.unprocessable(`Invalid operator. The allowed operators for ${key} are [${def.ops.join(',')}].`);
		if (!['is_present', 'is_not_present'].includes(op) && (p.values === undefined || p.values === null || (Array.isArray(p.values) && !p.values.length)))
			throw ERR.unprocessable(`Invalid value. The values provided for ${key} are invalid`);
		return { def, op, values: p.values, qop: (p.query_operator || 'and').toLowerCase() };
	});
	// SQL precedence: AND binds tighter than OR -> OR of AND-groups
	const groups = [[]];
	conds.forEach((c, i) => {
		groups[groups.length - 1].push(c);
		if (i < conds.length - 1 && c.qop === 'or') groups.push([]);
	});
	return (rec) => groups.some((g) => g.every((c) => evalCond(c.def.get(rec), c.op, c.values, c.def, now)));
}

module.exports = { compileFilter, CONTACT_ATTRS, CONVERSATION_ATTRS };
