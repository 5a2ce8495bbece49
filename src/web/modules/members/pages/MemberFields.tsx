import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { toOptions } from '../../../app/labels';
import type { Option } from '../../org/useOrgOptions';
import type { Term } from '../../org/types';
import { positionLabels } from '../types';

export interface MemberOptions {
  terms: Term[];
  sectors: Option[];
  parties: Option[];
  'special-committees': Option[];
  studios: Option[];
  'street-groups': Option[];
}

const half = { xs: 24, sm: 12 };
const pick = { allowClear: true, showSearch: { optionFilterProp: 'label' } } as const;

/** Every field of a member, two to a row on wide screens. */
export function MemberFields({ options }: { options: MemberOptions }) {
  return (
    <Row gutter={12}>
      <Col {...half}>
        <Form.Item name="code" label="委员编号" rules={[{ required: true, message: '请输入委员编号' }, { max: 20 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }, { max: 40 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
          <Radio.Group options={['男', '女']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label="民族" rules={[{ required: true, message: '请输入民族' }, { max: 20 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthDate" label="出生日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="termId" label="届次" rules={[{ required: true, message: '请选择届次' }]}>
          <Select options={options.terms.map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="partyId" label="党派">
          <Select {...pick} options={options.parties} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="sectorId" label="界别">
          <Select {...pick} options={options.sectors} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="position" label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Select options={toOptions(positionLabels)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="specialCommitteeIds" label="专委会" rules={[{ type: 'array', max: 5, message: '最多 5 个' }]}>
          <Select {...pick} mode="multiple" options={options['special-committees']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="studioId" label="委员工作室">
          <Select {...pick} options={options.studios} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="streetGroupId" label="街道联络组">
          <Select {...pick} options={options['street-groups']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="workplace" label="工作单位" rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="jobTitle" label="职务职称" rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: '请输入有效的电话号码' }]}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '请输入有效的电子邮箱' }]}>
          <Input inputMode="email" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="status" label="状态" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'active', label: '在任' }, { value: 'resigned', label: '已离任' }]} />
        </Form.Item>
      </Col>
    </Row>
  );
}
