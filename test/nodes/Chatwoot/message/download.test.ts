/* downloadFile (nodes/Chatwoot/transport/download.ts): which HTTP helper fetches an attachment.
 * The same-origin path runs end to end in getAll.test.ts; here the choice for other origins. */
import { downloadFile } from '../../../../nodes/shared/transport';

function fakeContext() {
	const response = { body: Buffer.from('file-bytes'), headers: { 'content-type': 'image/png; charset=binary', 'content-disposition': 'attachment; filename="a b.png"' } };
	const httpRequest = jest.fn(async () => response);
	const httpRequestWithAuthentication = jest.fn(async () => response);
	const context = {
		getCredentials: async () => ({ baseUrl: 'https://chat.example.com/', accessToken: 'secret-token-123', accountId: 1 }),
		getNode: () => ({ name: 'Chatwoot', type: 'n8n-nodes-chatwoot-suite.chatwoot', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: { httpRequest, httpRequestWithAuthentication },
	};
	return { context: context as any, httpRequest, httpRequestWithAuthentication };
}

describe('downloadFile', () => {
	it('fetches files on the Chatwoot host with the credential, never forwarding it on a cross-origin redirect', async () => {
		const { context, httpRequest, httpRequestWithAuthentication } = fakeContext();
		const file = await downloadFile(context, 'https://chat.example.com/rails/active_storage/blobs/redirect/key/a.png');
		expect(httpRequest).not.toHaveBeenCalled();
		expect(httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		const [credentialType, options] = httpRequestWithAuthentication.mock.calls[0] as unknown as [string, any];
		expect(credentialType).toBe('chatwootSuiteApi');
		expect(options).toMatchObject({ method: 'GET', encoding: 'arraybuffer', sendCredentialsOnCrossOriginRedirect: false, returnFullResponse: true });
		expect(file).toEqual({ data: Buffer.from('file-bytes'), mimeType: 'image/png', fileName: 'a b.png' });
	});

	it('fetches files on other origins (S3, CDN) without the token', async () => {
		const { context, httpRequest, httpRequestWithAuthentication } = fakeContext();
		await downloadFile(context, 'https://bucket.s3.amazonaws.com/uploads/a.png?X-Amz-Signature=abc');
		expect(httpRequestWithAuthentication).not.toHaveBeenCalled();
		expect(httpRequest).toHaveBeenCalledTimes(1);
		const [options] = httpRequest.mock.calls[0] as unknown as [any];
		expect(JSON.stringify(options)).not.toContain('secret-token-123');
		expect(options.headers).toBeUndefined();
	});
});
