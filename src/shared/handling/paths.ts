/** The handling routes (办理), for every handled type. */
export const handlingPaths = {
  sign: '/api/handling/assignments/:id/sign',
  object: '/api/handling/assignments/:id/object',
  objectionDecision: '/api/handling/assignments/:id/objection-decision',
  extension: '/api/handling/assignments/:id/extension',
  extensionDecision: '/api/handling/assignments/:id/extension-decision',
  opinion: '/api/handling/assignments/:id/opinion',
  contacts: '/api/handling/contacts',
  replies: '/api/handling/replies',
  signReply: '/api/handling/replies/:id/sign',
  sendReply: '/api/handling/replies/:id/send',
  /** the unit's pending items of every handled type (待办事项) */
  worklist: '/api/handling/worklist',
} as const;
