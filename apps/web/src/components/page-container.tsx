import type { ReactNode } from 'react';
import { Breadcrumb, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';

export interface Crumb {
  title: string;
  path?: string;
}

interface PageContainerProps {
  title: ReactNode;
  breadcrumb?: Crumb[];
  extra?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

/** Page frame: breadcrumb, title row with actions, then the content. */
export function PageContainer({
  title,
  breadcrumb,
  extra,
  description,
  children,
}: PageContainerProps) {
  return (
    <div className="tz-page">
      <div className="tz-page-header">
        {breadcrumb && breadcrumb.length > 0 ? (
          <Breadcrumb
            items={breadcrumb.map((crumb) => ({
              title: crumb.path ? <Link to={crumb.path}>{crumb.title}</Link> : crumb.title,
            }))}
          />
        ) : null}
        <div className="tz-page-title-row">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {extra ? <Space wrap>{extra}</Space> : null}
        </div>
        {description ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      <div className="tz-page-body">{children}</div>
    </div>
  );
}
