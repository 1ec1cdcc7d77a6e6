import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { AuditOutlined, FileDoneOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';

const HIGHLIGHTS = [
  { icon: <AuditOutlined />, text: '工作一次记录，台账随时可查' },
  { icon: <FundProjectionScreenOutlined />, text: '责任落实情况一目了然，到期提醒不遗漏' },
  { icon: <FileDoneOutlined />, text: '报告依据台账生成，数据有据可查' },
];

/** Two-column frame of the login and password pages: product panel left, form card right. */
export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <div className="tz-auth">
      <div className="tz-auth-brand">
        <div className="tz-auth-brand-inner">
          <div className="tz-logo tz-logo-large">账</div>
          <Typography.Title level={2} className="tz-auth-brand-title">
            台账
          </Typography.Title>
          <div className="tz-auth-brand-subtitle">意识形态工作责任制管理平台</div>
          <ul className="tz-auth-highlights">
            {HIGHLIGHTS.map((item) => (
              <li key={item.text}>
                <span className="tz-auth-highlight-icon">{item.icon}</span>
                {item.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="tz-auth-main">
        <div className="tz-auth-card">{children}</div>
        <div className="tz-auth-footer">台账 · 意识形态工作责任制管理平台</div>
      </div>
    </div>
  );
}
