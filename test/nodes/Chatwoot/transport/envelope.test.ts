import { listMeta, unwrapList, unwrapRecord } from '../../../../nodes/shared/transport/envelope';

describe('envelopes (API-NOTES §1 legend)', () => {
	const a = { id: 1 };
	const b = { id: 2 };
	it.each([
		['bare array', [a, b], [a, b]],
		['{payload: []}', { payload: [a, b] }, [a, b]],
		['{meta, payload}', { meta: { count: 2 }, payload: [a, b] }, [a, b]],
		['{data: {meta, payload}}', { data: { meta: { all_count: 2 }, payload: [a, b] } }, [a, b]],
		['{payload: {webhooks}}', { payload: { webhooks: [a, b] } }, [a, b]],
		['empty body', '', []],
		['null', null, []],
	])('unwrapList %s', (_name, body, expected) => {
		expect(unwrapList(body)).toEqual(expected);
	});

	it.each([
		['bare object', a, a],
		['{payload: record}', { payload: a }, a],
		['{payload: {webhook}}', { payload: { webhook: a } }, a],
		['empty body', '', {}],
	])('unwrapRecord %s', (_name, body, expected) => {
		expect(unwrapRecord(body)).toEqual(expected);
	});

	it('finds meta at both depths', () => {
		expect(listMeta({ meta: { count: 30 } })).toEqual({ count: 30 });
		expect(listMeta({ data: { meta: { all_count: 3 }, payload: [] } })).toEqual({ all_count: 3 });
		expect(listMeta([a])).toEqual({});
	});
});
