/**
 * A title made of phrases set apart by full-width spaces (铭记伟大胜利\u3000汲取奋进力量,
 * 聚焦“小切口”\u3000讲好“大理论”): a title even without 报告/总结 …, and its spaces are not
 * stray. So are names of that shape in quotation marks (“百年风华\u3000青川印记”).
 */
export const PHRASE_TITLE = /^[“”\p{Script=Han}]{2,}(?:\u3000+[“”\p{Script=Han}]{2,})+$/u;
