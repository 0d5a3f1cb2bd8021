import { idLocator } from '../../shared/fields';

/** The message a status or attachments operation is about. */
export const messageIdLocator = idLocator({
	name: 'messageId',
	displayName: 'Message ID',
	placeholder: 'msg_abc123',
	searchListMethod: 'searchMessages',
	description: 'The message: from the latest ones, or the ID Send returned',
});

export const jobIdLocator = idLocator({
	name: 'jobId',
	displayName: 'Job ID',
	placeholder: 'bulk_xyz789',
	searchListMethod: 'searchBulkJobs',
	description: 'The bulk job: from the list, or the jobId Create returned',
});
