/** 委员工作室 线上咨询: the states of a question the public asks a studio. */
export const questionStates = { asked: '待答复', answered: '已答复' } as const;
export type QuestionState = keyof typeof questionStates;

/** The lists of questions: those waiting for an answer, those answered, everything. */
export const questionScopes = { open: '待答复', answered: '已答复', all: '全部' } as const;
export type QuestionScope = keyof typeof questionScopes;

/** The limits both sides apply to a question (the page checks them without bundling zod). */
export const questionLimits = { name: 20, contact: 50, bodyMin: 5, body: 1000, answerMin: 4, answer: 2000 } as const;
