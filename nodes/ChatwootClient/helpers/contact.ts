import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, parseJsonField } from '../../shared/helpers/items';
import { getClientCredential } from '../../shared/transport';
import { identifierHash } from './identity';

/**
 * The Client API contact body from the node's fields. Nothing unset is sent; with an HMAC token
 * in the credential and an identifier, `identifier_hash` is added.
 */
export async function contactBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const customAttributes = parseJsonField(context, fields.customAttributes, 'Custom Attributes', itemIndex);
	const identifier = fields.identifier === undefined ? '' : String(fields.identifier).trim();
	const body = compact({
		identifier,
		name: fields.name,
		email: fields.email,
		phone_number: fields.phoneNumber,
		avatar_url: fields.avatarUrl,
		source_id: fields.sourceId,
	});
	if (Object.keys(customAttributes).length) body.custom_attributes = customAttributes;
	const { hmacToken } = await getClientCredential(context);
	if (hmacToken && identifier !== '') body.identifier_hash = identifierHash(hmacToken, identifier);
	return body;
}

/**
 * `identifier` + `identifier_hash` for a Client API contact GET (query string), or undefined without an identifier or an
 * HMAC token in the credential. Chatwoot runs the same HMAC check on GET as on create/update.
 */
export async function identityQuery(
	context: IExecuteFunctions,
	identifier: unknown,
): Promise<IDataObject | undefined> {
	const value = identifier === undefined || identifier === null ? '' : String(identifier).trim();
	if (value === '') return undefined;
	const { hmacToken } = await getClientCredential(context);
	if (!hmacToken) return { identifier: value };
	return { identifier: value, identifier_hash: identifierHash(hmacToken, value) };
}
