// Fixed ids of the sandbox's seeded account. Contract cases use them too, so that one input serves
// both Prism (which accepts any well-formed id) and the sandbox (which must find the item).
export const SEED = {
  username: 'sandbox',
  senderEmail: 'orders@example.com',
  senderId: 3920112,
  listId: 'ca7a3796-e8a8-4029-9ccb-df8937940562',
  secondListId: '5b6d3e2a-44a1-4c4f-9f0f-6c8c0b1d2e3f',
  contactId: '0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10',
  contactEmail: 'ada@example.com',
  secondContactEmail: 'grace@example.com',
  segmentId: '7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d',
  dynamicTemplateId: 'd-2c214ac919e84170b21855cc129b4a5f',
  dynamicTemplateVersionId: '6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c',
  legacyTemplateId: '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b',
  unsubscribeGroupId: 4127,
  customFieldId: 'e1_T',
  customFieldName: 'favorite_color',
  numberFieldId: 'e2_N',
  numberFieldName: 'loyalty_points',
  dateFieldId: 'e3_D',
  dateFieldName: 'signup_date',
  singleSendId: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64',
  webhookId: '9a4e7c2b-1d3f-4a6e-b8c5-2f0d9e7a3b61',
  batchId: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi',
  legacyListId: 1234,
  legacyCustomFieldId: 5501,
  legacyRecipientId: 'YWRhQGV4YW1wbGUuY29t',
  legacyCampaignId: 986724,
  messageId: 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0',
  legacyTemplateVersionId: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
  /** A Single Send scheduled two days after the sandbox starts (singleSendId is a draft). */
  scheduledSingleSendId: '4d2a9f6c-1e3b-4c7d-8a5f-6b0e2c9d1a37',
  /** A completed contact upsert job. */
  importJobId: '5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a',
  /** A ready contact export of the first list. */
  exportId: '3f9e1c2a-7b4d-4a6e-9c8b-2d1f0e3a5b7c',
  /** A design of the Marketing Campaigns design library. */
  designId: 'b3c1f2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
} as const;
