/** The years a performance page offers: this one and the four before. */
export const yearOptions = (now: number) => [0, 1, 2, 3, 4].map((d) => ({ value: now - d, label: `${now - d}年度` }));
