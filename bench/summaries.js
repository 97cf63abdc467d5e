'use strict';
/**
 * What a bulk run left in the simulator, counted the same way by every benchmark (bench/sim-process.js reads the
 * simulator in-process, bench/n8n/peers.js reads it through the control API's /__sim/state).
 */

/**
 * Messages whose content is `<prefix><conversation>-<input index>`, given each conversation's message contents in
 * stored order: how many arrived, how many were stored twice, and how many are stored after a later input.
 */
function messageSummary(contentsPerConversation, prefix) {
	let total = 0;
	let outOfOrder = 0;
	let duplicated = 0;
	for (const all of contentsPerConversation) {
		const contents = all.map(String).filter((c) => c.startsWith(prefix));
		total += contents.length;
		duplicated += contents.length - new Set(contents).size;
		const order = contents.map((c) => Number(c.slice(prefix.length).split('-')[1]));
		for (let i = 1; i < order.length; i++) if (order[i] < order[i - 1]) outOfOrder++;
	}
	return { total, outOfOrder, duplicated };
}

/** Contacts (records of one account): total and how many repeat an identifier, email or phone number. */
function contactSummary(list) {
	const dup = (key) => {
		const values = list.map((c) => c[key]).filter(Boolean);
		return values.length - new Set(values).size;
	};
	return { total: list.length, duplicateIdentifiers: dup('identifier'), duplicateEmails: dup('email'), duplicatePhones: dup('phone_number') };
}

module.exports = { messageSummary, contactSummary };
