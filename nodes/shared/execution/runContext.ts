/**
 * State shared by all items of one execution: memoised lookups (labels, inbox types) and
 * per-key locks so that two items about the same person never race (upsert, label merges).
 */
export class RunContext {
	private readonly memo = new Map<string, Promise<unknown>>();
	private readonly tails = new Map<string, Promise<unknown>>();

	/** Runs `load` once per key for the whole execution; a failure is not cached. */
	async once<T>(key: string, load: () => Promise<T>): Promise<T> {
		let pending = this.memo.get(key) as Promise<T> | undefined;
		if (!pending) {
			pending = load();
			this.memo.set(key, pending);
			pending.catch(() => this.memo.delete(key));
		}
		return await pending;
	}

	forget(key: string): void {
		this.memo.delete(key);
	}

	/** Runs `task` after every earlier task holding any of `keys` has finished. */
	async exclusive<T>(keys: string[], task: () => Promise<T>): Promise<T> {
		const unique = [...new Set(keys.filter((k) => k !== ''))];
		const previous = unique.map((k) => this.tails.get(k)).filter((p): p is Promise<unknown> => !!p);
		const run = Promise.all(previous.map((p) => p.catch(() => undefined))).then(task);
		const tail = run.catch(() => undefined);
		for (const key of unique) this.tails.set(key, tail);
		try {
			return await run;
		} finally {
			for (const key of unique) if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
