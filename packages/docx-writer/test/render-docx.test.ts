import { describe, expect, it } from 'vitest';
import { DocxWriterError, renderDocx } from '../src/index';
import { attr, paragraphContaining, paragraphs, readDocx, runContaining, textOf } from './docx-xml';
import { buildSampleDocument } from './sample-document';

function eastAsiaOf(run: string): string | undefined {
  return attr(run, 'w:rFonts', 'w:eastAsia');
}

describe('renderDocx', () => {
  it('lays out an A4 page with the GB/T 9704 margins and a 22-line document grid', async () => {
    const { document } = await readDocx(await renderDocx(buildSampleDocument()));
    expect(attr(document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(document, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(document, 'w:pgMar', 'w:left')).toBe('1588');
    expect(attr(document, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(document, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(['lines', 'linesAndChars']).toContain(attr(document, 'w:docGrid', 'w:type'));
    // 22 lines of 579 twips fit the 16838 - 2098 - 1984 = 12756 twips text block.
    expect(Math.floor((16838 - 2098 - 1984) / 579)).toBe(22);
    // 28 characters of 16 pt with the grid's character spacing fit the 8844-twip width.
    const charSpace = Number(attr(document, 'w:docGrid', 'w:charSpace'));
    expect(Math.floor((11906 - 1588 - 1474) / (320 + (charSpace * 20) / 4096))).toBe(28);
  });

  it('uses exact 579-twip line spacing on every paragraph and in the default style', async () => {
    const { document, styles } = await readDocx(await renderDocx(buildSampleDocument()));
    const all = paragraphs(document);
    expect(all.length).toBeGreaterThan(8);
    for (const p of all.filter((x) => x !== '<w:p/>')) {
      expect(attr(p, 'w:spacing', 'w:line')).toBe('579');
      expect(attr(p, 'w:spacing', 'w:lineRule')).toBe('exact');
    }
    expect(attr(styles, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(styles, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(eastAsiaOf(styles)).toBe('仿宋_GB2312');
  });

  it('sets the title in 22 pt 方正小标宋简体, centred', async () => {
    const { document } = await readDocx(await renderDocx(buildSampleDocument()));
    const title = paragraphContaining(document, '意识形态工作的报告');
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    expect(eastAsiaOf(title)).toBe('方正小标宋简体');
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
  });

  it('sets body text in 16 pt 仿宋_GB2312 with a two-character first-line indent', async () => {
    const { document } = await readDocx(await renderDocx(buildSampleDocument()));
    const body = paragraphContaining(document, '一是宣传阵地管理');
    expect(eastAsiaOf(body)).toBe('仿宋_GB2312');
    expect(attr(body, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attr(body, 'w:rFonts', 'w:hAnsi')).toBe('Times New Roman');
    expect(attr(body, 'w:sz', 'w:val')).toBe('32');
    expect(attr(body, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(body, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
  });

  it('chooses the heading font by level: 黑体, 楷体_GB2312, then 仿宋_GB2312', async () => {
    const { document } = await readDocx(await renderDocx(buildSampleDocument()));
    const level1 = runContaining(document, '一、上半年工作开展情况');
    expect(eastAsiaOf(level1)).toBe('黑体');
    expect(attr(level1, 'w:sz', 'w:val')).toBe('32');
    const level2 = paragraphContaining(document, '（一）强化组织领导');
    expect(eastAsiaOf(runContaining(level2, '（一）强化组织领导'))).toBe('楷体_GB2312');
    expect(eastAsiaOf(runContaining(level2, '专题研究意识形态工作2次'))).toBe('仿宋_GB2312');
    expect(textOf(level2)).toBe(
      '（一）强化组织领导，压实工作责任。上半年召开党组会议专题研究意识形态工作2次。',
    );
    expect(eastAsiaOf(runContaining(document, '1.专题研究。'))).toBe('仿宋_GB2312');
    expect(eastAsiaOf(runContaining(document, '（1）形势研判。'))).toBe('仿宋_GB2312');
  });

  it('declares fallbacks for the East Asian fonts in the font table', async () => {
    const { fontTable } = await readDocx(await renderDocx(buildSampleDocument()));
    const fallbacks: Record<string, string> = {
      仿宋_GB2312: 'FangSong',
      黑体: 'SimHei',
      楷体_GB2312: 'KaiTi',
      宋体: 'SimSun',
      方正小标宋简体: 'SimSun',
    };
    for (const [font, fallback] of Object.entries(fallbacks)) {
      expect(fontTable).toContain(`<w:font w:name="${font}"><w:altName w:val="${fallback}"/>`);
    }
  });

  it('numbers pages `— 1 —` in 14 pt 宋体, odd pages right and even pages left', async () => {
    const parts = await readDocx(await renderDocx(buildSampleDocument()));
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    const refs = [...parts.document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    const targetOf = (type: string): string => {
      const id = refs.find((m) => m[1] === type)?.[2];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts.rels)?.[1];
      if (!target) throw new Error(`no ${type} footer`);
      return parts.footers[target] ?? '';
    };
    const odd = targetOf('default');
    const even = targetOf('even');
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('<w:fldChar w:fldCharType="begin"/>');
      expect(textOf(footer)).toBe('—  —');
      expect(eastAsiaOf(footer)).toBe('宋体');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
    expect(attr(odd, 'w:jc', 'w:val')).toBe('right');
    expect(attr(even, 'w:jc', 'w:val')).toBe('left');
  });

  it('ends with the signature and the date right-aligned, the date without leading zeros', async () => {
    const { document } = await readDocx(await renderDocx(buildSampleDocument()));
    const all = paragraphs(document);
    const signature = all.at(-2) ?? '';
    const date = all.at(-1) ?? '';
    expect(textOf(signature)).toBe('中共青川市交通运输局党组');
    expect(textOf(date)).toBe('2024年7月10日');
    expect(attr(signature, 'w:jc', 'w:val')).toBe('right');
    expect(attr(date, 'w:jc', 'w:val')).toBe('right');
  });

  it('writes the recipient flush left under the title', async () => {
    const { document } = await readDocx(await renderDocx(buildSampleDocument()));
    const recipient = paragraphContaining(document, '中共青川市委宣传部：');
    expect(attr(recipient, 'w:ind', 'w:firstLine')).toBeUndefined();
  });

  it('drops characters XML forbids and turns newlines into line breaks', async () => {
    const doc = buildSampleDocument({
      blocks: [{ kind: 'paragraph', text: '第一行\u0007\n第二行' }],
    });
    const { document } = await readDocx(await renderDocx(doc));
    const p = paragraphContaining(document, '第一行');
    expect(textOf(p)).toBe('第一行第二行');
    expect(p).toContain('<w:br/>');
  });

  it('rejects more than 5,000 blocks with a typed error', async () => {
    const blocks = Array.from({ length: 5001 }, () => ({
      kind: 'paragraph' as const,
      text: '段落。',
    }));
    await expect(renderDocx(buildSampleDocument({ blocks }))).rejects.toMatchObject({
      name: 'DocxWriterError',
      code: 'TOO_MANY_BLOCKS',
    });
  });

  it('rejects more than 2 MB of text with a typed error', async () => {
    const text = '字'.repeat(800_000); // 2.4 MB in UTF-8
    const promise = renderDocx(buildSampleDocument({ blocks: [{ kind: 'paragraph', text }] }));
    await expect(promise).rejects.toBeInstanceOf(DocxWriterError);
    await expect(promise).rejects.toMatchObject({ code: 'TEXT_TOO_LARGE' });
  });

  it('rejects an empty title and an impossible date', async () => {
    await expect(renderDocx(buildSampleDocument({ title: '  ' }))).rejects.toMatchObject({
      code: 'EMPTY_TITLE',
    });
    await expect(renderDocx(buildSampleDocument({ date: '2024-02-30' }))).rejects.toMatchObject({
      code: 'INVALID_DATE',
    });
  });
});
