import type { INodeProperties } from 'n8n-workflow';

import { meetingIdField } from './get';

export const meetingEndDescription: INodeProperties[] = [meetingIdField(['end'])];
