/** Campaign states in colour: the office's steps blue, the questionnaire open orange, published green. */
export const campaignColors: Record<string, string> = {
  draft: 'default', proposed: 'blue', preparing: 'geekblue', surveying: 'orange', deliberating: 'gold', rectifying: 'cyan', rechecking: 'purple', done: 'green',
};

/** Rectification items: with the department orange, waiting for the look-back gold, passed green. */
export const findingColors: Record<string, string> = { handling: 'orange', replied: 'gold', rehandling: 'volcano', passed: 'green' };

/** Result grades: named satisfactory green, followed up closely red. */
export const gradeColors: Record<string, string> = { satisfactory: 'green', focus: 'red', ranked: 'default' };
