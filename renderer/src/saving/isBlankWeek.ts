import { plainText, walkNodes } from '../../../shared/document/editorJson.js';
import { type WeeklyLogSections, ideaNodeType, weeklyLogSectionIds } from '../../../shared/portfolio/weeklyLog.js';

/** No words and no ideas anywhere: a week like this is not worth creating a log for. */
export function isBlankWeek(sections: WeeklyLogSections): boolean {
  for (const id of weeklyLogSectionIds) {
    const doc = sections[id];
    if (plainText(doc) !== '') return false;
    let hasIdea = false;
    walkNodes(doc, (node) => {
      if (node.type === ideaNodeType) hasIdea = true;
      return !hasIdea;
    });
    if (hasIdea) return false;
  }
  return true;
}
