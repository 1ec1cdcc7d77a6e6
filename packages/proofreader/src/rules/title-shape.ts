/**
 * A title made of phrases set apart by full-width spaces (铭记伟大胜利\u3000汲取奋进力量): a title
 * even without 报告/总结 …, and its spaces are not stray.
 */
export const PHRASE_TITLE = /^\p{Script=Han}{2,}(?:\u3000+\p{Script=Han}{2,})+$/u;
