'use strict';
// Programmatic entry point: n8n itself loads the files listed under "n8n" in package.json.
module.exports = {
	Chatwoot: require('./dist/nodes/Chatwoot/Chatwoot.node.js').Chatwoot,
	ChatwootTrigger: require('./dist/nodes/ChatwootTrigger/ChatwootTrigger.node.js').ChatwootTrigger,
	ChatwootClient: require('./dist/nodes/ChatwootClient/ChatwootClient.node.js').ChatwootClient,
	ChatwootApi: require('./dist/credentials/ChatwootApi.credentials.js').ChatwootApi,
	ChatwootClientApi: require('./dist/credentials/ChatwootClientApi.credentials.js').ChatwootClientApi,
};
