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
  /** 承诺兑现: the outcome of a reply's promise (列入计划) */
  promiseOutcome: '/api/handling/replies/:id/promise-outcome',
  /** the promises of replies: the unit's own, or those of the types the office oversees */
  promises: '/api/handling/promises',
  /** the unit's pending items of every handled type (待办事项) */
  worklist: '/api/handling/worklist',
} as const;
