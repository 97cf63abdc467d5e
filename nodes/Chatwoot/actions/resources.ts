import type { ResourceModule } from '../../shared/execution/types';

import * as contact from './contact/Contact.resource';
import * as conversation from './conversation/Conversation.resource';
import * as inbox from './inbox/Inbox.resource';
import * as message from './message/Message.resource';

export const resources: Record<string, ResourceModule> = { contact, conversation, message, inbox };
