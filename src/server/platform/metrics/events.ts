import { EventEmitter } from 'node:events';

/**
 * What the code reports for the metrics without knowing about them (login failures, lockouts):
 * each app's metrics listen while it runs. Module-level, as the auth code has no app at hand.
 */
export const opsEvents = new EventEmitter();
opsEvents.setMaxListeners(100);

export type OpsEvent = 'login.failed' | 'login.lockout';
export const report = (event: OpsEvent) => void opsEvents.emit(event);
