import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { optionsOf } from '@shared/labels';
import { memberFields } from '@shared/members/inputs';
import { genders, memberStatuses, positionLabels } from '@shared/members/labels';
import type { Term } from '@shared/org/responses';
import { fieldRules } from '../../../app/rules';
import type { Option } from '../../org/useOrgOptions';

export interface MemberOptions {
  terms: Term[];
  sectors: Option[];
  parties: Option[];
  'special-committees': Option[];
  studios: Option[];
  'street-groups': Option[];
}

const rules = fieldRules(memberFields);
const half = { xs: 24, sm: 12 };
const pick = { allowClear: true, showSearch: { optionFilterProp: 'label' } } as const;

/** Every field of a member, two to a row on wide screens. */
export function MemberFields({ options }: { options: MemberOptions }) {
  return (
    <Row gutter={12}>
      <Col {...half}>
        <Form.Item name="code" label="委员编号" rules={rules.code}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="name" label="姓名" rules={rules.name}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="gender" label="性别" rules={rules.gender}>
          <Radio.Group options={[...genders]} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ethnicity" label="民族" rules={rules.ethnicity}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="birthDate" label="出生日期" rules={rules.birthDate}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="termId" label="届次" rules={rules.termId}>
          <Select options={options.terms.map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="partyId" label="党派" rules={rules.partyId}>
          <Select {...pick} options={options.parties} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="sectorId" label="界别" rules={rules.sectorId}>
          <Select {...pick} options={options.sectors} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="position" label="职务" rules={rules.position}>
          <Select options={optionsOf(positionLabels)} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="specialCommitteeIds" label="专委会" rules={rules.specialCommitteeIds}>
          <Select {...pick} mode="multiple" options={options['special-committees']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="studioId" label="委员工作室" rules={rules.studioId}>
          <Select {...pick} options={options.studios} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="streetGroupId" label="街道联络组" rules={rules.streetGroupId}>
          <Select {...pick} options={options['street-groups']} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="workplace" label="工作单位" rules={rules.workplace}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="jobTitle" label="职务职称" rules={rules.jobTitle}>
          <Input />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label="联系电话" rules={rules.phone}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label="电子邮箱" rules={rules.email}>
          <Input inputMode="email" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="status" label="状态" rules={rules.status}>
          <Radio.Group options={optionsOf(memberStatuses)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
