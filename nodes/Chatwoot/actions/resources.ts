import type { ResourceModule } from '../../shared/execution/types';

import * as contact from './contact/Contact.resource';
import * as conversation from './conversation/Conversation.resource';
import * as inbox from './inbox/Inbox.resource';
import * as message from './message/Message.resource';
import * as automationRule from './automationRule/AutomationRule.resource';
import * as macro from './macro/Macro.resource';
import * as campaign from './campaign/Campaign.resource';
import * as report from './report/Report.resource';
import * as csat from './csat/Csat.resource';
import * as auditLog from './auditLog/AuditLog.resource';
import * as portal from './portal/Portal.resource';
import * as category from './category/Category.resource';
import * as article from './article/Article.resource';
import * as account from './account/Account.resource';
import * as profile from './profile/Profile.resource';
import * as agent from './agent/Agent.resource';
import * as team from './team/Team.resource';
import * as label from './label/Label.resource';
import * as contactNote from './contactNote/ContactNote.resource';
import * as webhook from './webhook/Webhook.resource';
import * as customAttribute from './customAttribute/CustomAttribute.resource';
import * as cannedResponse from './cannedResponse/CannedResponse.resource';
import * as search from './search/Search.resource';
import * as integration from './integration/Integration.resource';
import * as customFilter from './customFilter/CustomFilter.resource';
import * as agentBot from './agentBot/AgentBot.resource';

export const resources: Record<string, ResourceModule> = { contact, conversation, message, inbox };
// automation, reports and help center (issue 14, part B)
Object.assign(resources, { automationRule, macro, campaign, report, csat, auditLog, portal, category, article });
// account administration, settings, search (issue 14, part A)
Object.assign(resources, { account, profile, agent, team, label, cannedResponse, customAttribute, webhook, contactNote, customFilter, integration, search });
// agent bots (issue 15)
resources.agentBot = agentBot;
