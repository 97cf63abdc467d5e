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

export const resources: Record<string, ResourceModule> = { contact, conversation, message, inbox };
// automation, reports and help center (issue 14, part B)
Object.assign(resources, { automationRule, macro, campaign, report, csat, auditLog, portal, category, article });
