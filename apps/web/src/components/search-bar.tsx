import type { ReactNode } from 'react';
import { Button, Card, Form, Space } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';

interface SearchBarProps<F extends object> {
  initialValues: F;
  onSearch: (values: F) => void;
  children: ReactNode;
}

/** The filter row above every table: fields inline, then 查询 and 重置. */
export function SearchBar<F extends object>({
  initialValues,
  onSearch,
  children,
}: SearchBarProps<F>) {
  const [form] = Form.useForm<F>();
  return (
    <Card className="tz-search-card" variant="borderless">
      <Form<F>
        form={form}
        layout="inline"
        initialValues={initialValues}
        onFinish={(values) => onSearch({ ...initialValues, ...values })}
        className="tz-search-form"
      >
        {children}
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                onSearch(initialValues);
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
