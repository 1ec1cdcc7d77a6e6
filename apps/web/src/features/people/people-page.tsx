import { PageContainer } from '../../components/page-container';
import { PeopleTable } from './people-table';

/** 人员管理: people of the visible units with their posts. */
export function PeoplePage() {
  return (
    <PageContainer
      title="人员管理"
      breadcrumb={[{ title: '组织机构' }, { title: '人员管理' }]}
      description="登记各单位班子成员和工作人员的职务，用于责任分工和活动记录。"
    >
      <PeopleTable />
    </PageContainer>
  );
}
