'use strict';
// Programmatic entry point: n8n itself loads the files listed under "n8n" in package.json.
module.exports = {
	Chatwoot: require('./dist/nodes/Chatwoot/Chatwoot.node.js').Chatwoot,
	ChatwootTrigger: require('./dist/nodes/ChatwootTrigger/ChatwootTrigger.node.js').ChatwootTrigger,
	ChatwootClient: require('./dist/nodes/ChatwootClient/ChatwootClient.node.js').ChatwootClient,
	ChatwootPlatform: require('./dist/nodes/ChatwootPlatform/ChatwootPlatform.node.js').ChatwootPlatform,
	ChatwootSuiteApi: require('./dist/credentials/ChatwootSuiteApi.credentials.js').ChatwootSuiteApi,
	ChatwootSuiteClientApi: require('./dist/credentials/ChatwootSuiteClientApi.credentials.js').ChatwootSuiteClientApi,
	ChatwootSuitePlatformApi: require('./dist/credentials/ChatwootSuitePlatformApi.credentials.js').ChatwootSuitePlatformApi,
};
