'use strict';
// Minimal multipart/form-data parser (buffered). Returns { fields, files } where Rails-style keys are folded:
// "a[]" -> array, "a[b]" -> nested object, files -> { fieldName, filename, contentType, data: Buffer }.

function boundaryOf(contentType) {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	return m ? m[1] || m[2].trim() : null;
}

function parseMultipart(buf, contentType) {
	const boundary = boundaryOf(contentType);
	if (!boundary) throw new Error('multipart boundary missing');
	const delim = Buffer.from(`--${boundary}`);
	const parts = [];
	let pos = buf.indexOf(delim);
	if (pos < 0) throw new Error('multipart body malformed');
	for (;;) {
		pos += delim.length;
		if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing --
		if (buf[pos] === 0x0d && buf[pos + 1] === 0x0a) pos += 2;
		const headerEnd = buf.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new Error('multipart part headers malformed');
		const headerText = buf.slice(pos, headerEnd).toString('utf8');
		const next = buf.indexOf(delim, headerEnd + 4);
		if (next < 0) throw new Error('multipart closing boundary missing');
		let dataEnd = next;
		if (buf[dataEnd - 2] === 0x0d && buf[dataEnd - 1] === 0x0a) dataEnd -= 2;
		const data = buf.slice(headerEnd + 4, dataEnd);
		const headers = {};
		for (const line of headerText.split('\r\n')) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		const disp = headers['content-disposition'] || '';
		const name = /\bname="([^"]*)"/i.exec(disp);
		const filename = /\bfilename\*?="?([^";]*)"?/i.exec(disp);
		parts.push({ name: name ? name[1] : '', filename: filename ? decodeURIComponent(filename[1]) : null, contentType: headers['content-type'] || null, data });
		pos = next;
	}
	const fields = {};
	const files = [];
	for (const p of parts) {
		if (p.filename !== null) {
			files.push({ fieldName: p.name, filename: p.filename, contentType: p.contentType || 'application/octet-stream', data: p.data });
			assignKey(fields, p.name, { __file: files.length - 1 });
		} else assignKey(fields, p.name, p.data.toString('utf8'));
	}
	return { fields, files };
}

/** Rails-style param key assignment: a[]=1, a[b]=2, a[b][]=3 */
function assignKey(target, key, value) {
	const m = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
	if (!m) {
		target[key] = value;
		return;
	}
	const path = [m[1]];
	const re = /\[([^\]]*)\]/g;
	let x;
	while ((x = re.exec(m[2]))) path.push(x[1]);
	let obj = target;
	for (let i = 0; i < path.length; i++) {
		const k = path[i];
		const last = i === path.length - 1;
		const nextIsArray = !last && path[i + 1] === '';
		if (k === '') {
			// array push
			if (last) obj.push(value);
			else {
				const o = {};
				obj.push(o);
				obj = o;
			}
			continue;
		}
		if (last) {
			obj[k] = value;
		} else {
			if (obj[k] === undefined || typeof obj[k] !== 'object') obj[k] = nextIsArray ? [] : {};
			obj = obj[k];
		}
	}
}

function parseQuery(search) {
	const out = {};
	if (!search) return out;
	const params = new URLSearchParams(search);
	for (const [k, v] of params) assignKey(out, k, v);
	return out;
}

module.exports = { parseMultipart, parseQuery, assignKey };
