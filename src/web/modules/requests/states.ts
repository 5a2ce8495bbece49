/** The tag colour of each request state (the labels come from the server). */
export const stateColors: Record<string, string> = { received: 'default', routed: 'blue', handling: 'processing', done: 'success', declined: 'warning' };
