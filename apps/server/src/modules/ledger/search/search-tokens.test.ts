import { describe, expect, it } from 'vitest';
import { queryTokens, searchText, tokenize } from './search-tokens';

describe('search tokens', () => {
  it('turns Chinese into overlapping bigrams and Latin into lower-case words', () => {
    expect(tokenize('书记讲党课')).toEqual(['书记', '记讲', '讲党', '党课']);
    expect(tokenize('2024年 WeChat公众号')).toEqual(['2024', '年', 'wechat', '公众', '众号']);
    expect(tokenize('“党”，课')).toEqual(['党', '课']);
  });

  it('joins the tokens of several fields with spaces', () => {
    expect(searchText(['形势研判', '', 'AI'])).toBe('形势 势研 研判 ai');
  });

  it('makes a two-character query exactly one bigram, and a single character a prefix', () => {
    expect(queryTokens('党课')).toEqual([{ text: '党课', prefix: false }]);
    expect(queryTokens('党')).toEqual([{ text: '党', prefix: true }]);
    expect(queryTokens('研判 研判')).toEqual([{ text: '研判', prefix: false }]);
    expect(queryTokens('" OR *')).toEqual([{ text: 'or', prefix: false }]);
  });
});
