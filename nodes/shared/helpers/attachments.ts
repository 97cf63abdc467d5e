import type { IExecuteFunctions } from 'n8n-workflow';

/** "data, invoice" → ['data', 'invoice'] (as n8n's own nodes accept several binary properties). */
export function binaryPropertyNames(value: unknown): string[] {
	return [
		...new Set(
			String(value ?? '')
				.split(',')
				.map((name) => name.trim())
				.filter((name) => name !== ''),
		),
	];
}

/**
 * Appends each input binary property as `attachments[]` to a multipart form. Node's global
 * FormData/Blob go through n8n's HTTP helper as they are (no form-data dependency); the
 * boundary and Content-Type are set by the helper.
 */
export async function appendAttachments(
	context: IExecuteFunctions,
	itemIndex: number,
	form: FormData,
	names: string[],
): Promise<void> {
	for (const name of names) {
		const binary = context.helpers.assertBinaryData(itemIndex, name);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, name);
		const fileName = binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		const blob = new Blob([new Uint8Array(buffer)], { type: binary.mimeType || 'application/octet-stream' });
		form.append('attachments[]', blob, fileName);
	}
}
