/** Turns an n8n date (ISO string, Date, Luxon DateTime) or Unix time into Unix seconds. */
export function toUnixSeconds(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value > 1e12 ? Math.floor(value / 1000) : Math.floor(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return toUnixSeconds(Number(value.trim()));
	const candidate = value as { toMillis?: () => number; toISO?: () => string };
	const millis =
		typeof candidate.toMillis === 'function'
			? candidate.toMillis()
			: value instanceof Date
				? value.getTime()
				: Date.parse(String(value));
	return Number.isFinite(millis) ? Math.floor(millis / 1000) : undefined;
}
