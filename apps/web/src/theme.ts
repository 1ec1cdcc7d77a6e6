import type { ThemeConfig } from 'antd';

/** Party red as the brand colour, restrained everywhere else. */
export const BRAND_RED = '#b8202a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorInfo: '#1677ff',
    colorLink: BRAND_RED,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f4f6', headerPadding: '0 24px' },
    Menu: { itemSelectedBg: '#fbeaea', itemSelectedColor: BRAND_RED, itemBorderRadius: 6 },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#fafafa' },
  },
};
