'use strict';
// FilterService-like evaluation for POST /contacts/filter and /conversations/filter.
// Sources (Chatwoot f66b551c): lib/filters/filter_keys.yml (keys, data types, operators per key),
// app/helpers/filters/filter_helper.rb (validation order, SQL per data type), app/services/filter_service.rb (operators),
// app/services/contacts/filter_service.rb (values[0] only, lower-cased, phone "+digits", `=`/`!=`, resolved contacts),
// app/services/conversations/filter_service.rb, app/services/filters/custom_attribute_filter_helper.rb (custom
// attributes need a definition), lib/custom_exceptions/custom_filter.rb + config/locales/en.yml (422 messages).
const { ERR } = require('./util');

const EQ = ['equal_to', 'not_equal_to'];
const PRESENCE = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'];
const TEXT = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain'];
const DATE = ['is_greater_than', 'is_less_than', 'days_before'];

// data types: ci = text_case_insensitive (LOWER(col)), text (col as is), labels, date, boolean, number
const CONTACT_ATTRS = {
	name: { get: (c) => c.name, ops: TEXT, type: 'ci' },
	phone_number: { get: (c) => c.phone_number, ops: [...TEXT, 'starts_with'], type: 'text' },
	email: { get: (c) => c.email, ops: TEXT, type: 'ci' },
	identifier: { get: (c) => c.identifier, ops: EQ, type: 'ci' },
	country_code: { get: (c) => c.additional_attributes.country_code, ops: EQ, type: 'ci' },
	city: { get: (c) => c.additional_attributes.city, ops: TEXT, type: 'ci' },
	company_name: { get: (c) => c.additional_attributes.company_name, ops: TEXT, type: 'ci' },
	labels: { get: (c) => c.labels, ops: PRESENCE, type: 'labels' },
	created_at: { get: (c) => c.created_at, ops: DATE, type: 'date' },
	last_activity_at: { get: (c) => c.last_activity_at, ops: DATE, type: 'date' },
	blocked: { get: (c) => c.blocked, ops: EQ, type: 'boolean' },
};

const CONVERSATION_ATTRS = {
	status: { get: (c) => c.status, ops: EQ, type: 'text' },
	assignee_id: { get: (c) => c.assignee_id, ops: PRESENCE, type: 'text' },
	inbox_id: { get: (c) => c.inbox_id, ops: PRESENCE, type: 'text' },
	team_id: { get: (c) => c.team_id, ops: PRESENCE, type: 'number' },
	contact_id: { get: (c) => c.contact_id, ops: EQ, type: 'number' },
	priority: { get: (c) => c.priority, ops: EQ, type: 'text' },
	display_id: { get: (c) => c.display_id, ops: TEXT, type: 'number' },
	campaign_id: { get: (c) => c.campaign_id ?? null, ops: PRESENCE, type: 'number' },
	labels: { get: (c) => c.labels, ops: PRESENCE, type: 'labels' },
	browser_language: { get: (c) => c.additional_attributes.browser_language, ops: EQ, type: 'text' },
	conversation_language: { get: (c) => c.additional_attributes.conversation_language, ops: EQ, type: 'text' },
	referer: { get: (c) => c.additional_attributes.referer, ops: TEXT, type: 'text' },
	created_at: { get: (c) => c.created_at, ops: DATE, type: 'date' },
	last_activity_at: { get: (c) => c.last_activity_at, ops: DATE, type: 'date' },
	mail_subject: { get: (c) => c.additional_attributes.mail_subject, ops: TEXT, type: 'text' },
};

// FilterService::ATTRIBUTE_TYPES for custom attribute definitions
const CUSTOM_TYPES = { date: 'date', text: 'text', number: 'number', link: 'text', list: 'text', checkbox: 'boolean' };

const isNull = (v) => v === undefined || v === null;
const lower = (v) => (typeof v === 'string' ? v.toLowerCase() : v);
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

function invalidValue(key) {
	return ERR.unprocessable(`Invalid value. The values provided for ${key} are invalid`);
}

/** Date.iso8601 (YYYY-MM-DD or a full ISO timestamp → its date) */
function isoDate(key, raw) {
	const s = String(raw ?? '');
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
	if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) throw invalidValue(key);
	return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Compiles a filter payload into a predicate.
 * @param {object[]} payload
 * @param {object} attrs CONTACT_ATTRS | CONVERSATION_ATTRS
 * @param {(key: string) => ({attribute_display_type: string}|null)} customDefinition the account's definition for the model
 * @param {number} now epoch ms
 * @param {{ contact?: boolean }} [mode] contacts: values[0] only, `=`/`!=` (Contacts::FilterService)
 */
function compileFilter(payload, attrs, customDefinition, now, mode = {}) {
	if (!Array.isArray(payload) || !payload.length) throw ERR.unprocessable('Invalid filter payload');
	// validate_query_operator runs first, over all conditions
	for (const p of payload) {
		const q = p.query_operator;
		if (q === null || q === undefined || q === '') continue;
		if (!['AND', 'OR'].includes(String(q).toUpperCase())) throw ERR.unprocessable('Query operator must be either "AND" or "OR".');
	}
	const conds = payload.map((p) => {
		const key = p.attribute_key;
		const op = p.filter_operator;
		let def = attrs[key];
		if (def && !def.ops.includes(op)) throw ERR.unprocessable(`Invalid operator. The allowed operators for ${key} are [${def.ops.join(',')}].`);
		const values = p.values;
		if (!['is_present', 'is_not_present'].includes(op) && (isNull(values) || values === '' || (Array.isArray(values) && !values.length)))
			throw invalidValue(key);
		if (!def) {
			const d = key ? customDefinition(key) : null;
			if (!d) throw ERR.unprocessable(`Invalid attribute key - [${key}]. The key should be one of [${Object.keys(attrs).join(',')}] or a custom attribute defined in the account.`);
			def = { get: (r) => (r.custom_attributes || {})[key], type: CUSTOM_TYPES[d.attribute_display_type] || null, custom: true };
		}
		const vals = (Array.isArray(values) ? values : [values]).map((v) => (v && typeof v === 'object' && 'id' in v ? v.id : v));
		return { key, def, op, vals, test: compileCondition(key, def, op, vals, now, mode), qop: String(p.query_operator || 'and').toLowerCase() };
	});
	// SQL precedence: AND binds tighter than OR -> OR of AND-groups
	const groups = [[]];
	conds.forEach((c, i) => {
		groups[groups.length - 1].push(c);
		if (i < conds.length - 1 && c.qop === 'or') groups.push([]);
	});
	return (rec) => groups.some((g) => g.every((c) => c.test(c.def.get(rec))));
}

function compileCondition(key, def, op, vals, now, mode) {
	const type = def.type;
	// the value(s) the SQL compares with (filter_values)
	let eqValues;
	if (mode.contact) {
		const v0 = vals[0];
		if (key === 'phone_number') eqValues = [`+${String(v0 ?? '').replace(/\+/g, '')}`];
		else eqValues = [lower(v0)];
	} else if (def.custom && type === 'text') eqValues = [lower(vals[0])];
	else eqValues = vals;
	const column = (v) => (type === 'ci' || (def.custom && type === 'text') ? lower(v) : v);
	const sqlEq = (v, w) => {
		if (type === 'boolean') return v === (w === true || w === 'true');
		if (type === 'number' || typeof v === 'number') return String(v) === String(w);
		return column(v) === w;
	};

	if (key === 'status' && !def.custom && vals.includes('all')) return () => true; // conversation_status_values
	if (type === 'labels') {
		// tag_filter_query: tags.name IN (filter_values) — for contacts only values[0]
		const want = (mode.contact ? eqValues : vals).map((v) => String(v).toLowerCase());
		return (labels) => {
			const have = (labels || []).map((l) => String(l).toLowerCase());
			if (op === 'equal_to') return want.some((w) => have.includes(w));
			if (op === 'not_equal_to') return !want.some((w) => have.includes(w));
			if (op === 'is_present') return have.length > 0;
			return have.length === 0;
		};
	}
	switch (op) {
		case 'equal_to':
			return (v) => !isNull(v) && eqValues.some((w) => sqlEq(v, w));
		case 'not_equal_to':
			// SQL: NULL != x is NULL (row excluded); custom attributes add `OR … IS NULL`
			return (v) => (isNull(v) ? !!def.custom : !eqValues.some((w) => sqlEq(v, w)));
		case 'starts_with':
			// filter_operation has no branch for starts_with: `= :value` with the "+digits" phone value
			return (v) => !isNull(v) && eqValues.some((w) => sqlEq(v, w));
		case 'contains':
		case 'does_not_contain': {
			// ILIKE ANY (ARRAY['%v%'…]) / NOT ILIKE ALL, values stripped, never lower-cased (ILIKE is)
			const needles = vals.map((w) => String(w ?? '').trim().toLowerCase());
			const hit = (v) => needles.some((n) => String(v).toLowerCase().includes(n));
			return op === 'contains' ? (v) => !isNull(v) && hit(v) : (v) => !isNull(v) && !hit(v);
		}
		case 'is_present':
			return (v) => !isNull(v);
		case 'is_not_present':
			return (v) => isNull(v);
		case 'is_greater_than':
		case 'is_less_than':
		case 'days_before': {
			const dataType = type === 'date' ? 'date' : type === 'number' ? 'number' : null;
			if (!dataType) throw invalidValue(key);
			const less = op !== 'is_greater_than';
			let bound;
			if (op === 'days_before') {
				const n = parseInt(String(vals[0]), 10) || 0;
				bound = day(now - n * 86400000);
			} else if (dataType === 'date') bound = isoDate(key, vals[0]);
			else {
				bound = Number(String(vals[0]).trim());
				if (String(vals[0]).trim() === '' || Number.isNaN(bound)) throw invalidValue(key);
			}
			if (dataType === 'date') {
				// (column)::date < / > the date
				const asDay = (v) => (typeof v === 'number' ? day(v) : /^\d{4}-\d{2}-\d{2}/.test(String(v)) ? String(v).slice(0, 10) : null);
				return (v) => {
					if (isNull(v)) return false;
					const d = asDay(v);
					return d !== null && (less ? d < bound : d > bound);
				};
			}
			return (v) => !isNull(v) && v !== '' && (less ? Number(v) < bound : Number(v) > bound);
		}
		default:
			return (v) => !isNull(v) && eqValues.some((w) => sqlEq(v, w));
	}
}

module.exports = { compileFilter, CONTACT_ATTRS, CONVERSATION_ATTRS };
