/** A campaign year laid out in its four phases and the look-back, as the evaluation tests draft it. */
export const year = 2026;
export const phases = {
  preparing: { from: '2026-09-01', to: '2026-09-10' },
  surveying: { from: '2026-09-11', to: '2026-09-20' },
  deliberating: { from: '2026-09-21', to: '2026-09-23' },
  rectifying: { from: '2026-09-24', to: '2026-11-30' },
  rechecking: { from: '2026-12-01', to: '2026-12-31' },
};
/** The same choice on every indicator of the default questionnaire. */
export const all = (choice: string) => ({ organisation: choice, mechanism: choice, consultation: choice, results: choice, replyQuality: choice });
