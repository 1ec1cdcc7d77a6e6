/**
 * Clause and sentence punctuation. The text index lists where these occur (in its one pass
 * over the text), so that the rules splitting text at them need not visit every character.
 */
export const CLAUSE_MARKS = '，。！？；：、,;!?';
