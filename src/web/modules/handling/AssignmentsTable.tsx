import { ProvisionalMark } from './Deadline';
import { Button, Grid, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatDay } from '../../app/forms';
import type { AssignmentAction } from './AssignmentDialog';
import { assignmentStatusLabels } from '@shared/handling/labels';
import type { Assignment } from '@shared/handling/responses';
import { labelOf } from '@shared/labels';

/** Buttons for the assignment actions that open a dialog, in the order a person meets them. */
const dialogActions: { action: AssignmentAction; label: string }[] = [
  { action: 'object', label: '提出异议' },
  { action: 'decideObjection', label: '处理异议' },
  { action: 'requestExtension', label: '申请延期' },
  { action: 'decideExtension', label: '审批延期' },
  { action: 'sendOpinion', label: '提交协办意见' },
];

const roleColors: Record<string, string> = { sole: 'blue', lead: 'blue', split: 'cyan', assisting: 'default', joint: 'purple' };

interface Props {
  assignments: Assignment[];
  onSign(a: Assignment): void;
  onAction(action: AssignmentAction, a: Assignment): void;
}

function StatusTags({ a }: { a: Assignment }) {
  return (
    <Space size={4} wrap>
      <Tag color={a.status === 'objected' ? 'red' : a.status === 'done' ? 'green' : undefined}>{labelOf(assignmentStatusLabels, a.status)}</Tag>
      {a.overdue && <Tag color="red">已逾期</Tag>}
      {a.extensionStatus === 'pending' && <Tag color="gold">延期待批</Tag>}
    </Space>
  );
}

function ReplyDeadline({ a }: { a: Assignment }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Typography.Text type={a.overdue ? 'danger' : undefined}>{formatDay(a.replyDeadline)}</Typography.Text>
        <ProvisionalMark provisional={a.provisional} />
      </span>
      {a.extendedDays > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>已延期 {a.extendedDays} 个工作日</Typography.Text>}
    </Space>
  );
}

/** The buttons the server allows on this assignment. */
function Buttons({ a, onSign, onAction }: { a: Assignment } & Omit<Props, 'assignments'>) {
  return (
    <Space wrap size={4}>
      {a.actions.includes('sign') && (
        <Button size="small" type="primary" onClick={() => onSign(a)}>
          签收
        </Button>
      )}
      {dialogActions
        .filter((d) => a.actions.includes(d.action))
        .map((d) => (
          <Button key={d.action} size="small" onClick={() => onAction(d.action, a)}>
            {d.label}
          </Button>
        ))}
    </Space>
  );
}

const roundText = (r: number) => (r > 1 ? '二次办理' : '首次办理');

/**
 * 承办单位 of every round: role, state, deadlines (overdue in red) and the buttons the server
 * allows. A phone gets one card per unit instead of the wide table.
 */
export function AssignmentsTable({ assignments, onSign, onAction }: Props) {
  const wide = Grid.useBreakpoint().md ?? true;
  const columns: TableColumnsType<Assignment> = [
    { title: '承办单位', dataIndex: 'unitName' },
    { title: '方式', dataIndex: 'roleLabel', width: 70, render: (label: string, a) => <Tag color={roleColors[a.role]}>{label}</Tag> },
    { title: '轮次', dataIndex: 'round', width: 90, render: (r: number) => (r > 1 ? <Tag color="orange">{roundText(r)}</Tag> : roundText(r)) },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, a) => <StatusTags a={a} />,
    },
    { title: '异议期限', dataIndex: 'objectionDeadline', width: 110, render: formatDay },
    {
      title: '答复期限',
      key: 'replyDeadline',
      width: 130,
      render: (_, a) => <ReplyDeadline a={a} />,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => <Buttons a={a} onSign={onSign} onAction={onAction} />,
    },
  ];
  const ordered = [...assignments].sort((x, y) => y.round - x.round);
  if (!wide)
    return (
      <List<Assignment>
        size="small"
        dataSource={ordered}
        data-testid="assignments"
        renderItem={(a) => (
          <List.Item key={a.id} style={{ display: 'block' }}>
            <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
              <Space size={[4, 4]} wrap>
                <b>{a.unitName}</b>
                <Tag color={roleColors[a.role]}>{a.roleLabel}</Tag>
                {a.round > 1 && <Tag color="orange">{roundText(a.round)}</Tag>}
                <StatusTags a={a} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                异议期限 {formatDay(a.objectionDeadline)} · 答复期限 <Typography.Text type={a.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{formatDay(a.replyDeadline)}</Typography.Text>
                <ProvisionalMark provisional={a.provisional} />
                {a.extendedDays > 0 ? ` · 已延期 ${a.extendedDays} 个工作日` : ''}
              </Typography.Text>
              <Buttons a={a} onSign={onSign} onAction={onAction} />
            </Space>
          </List.Item>
        )}
      />
    );
  return <Table<Assignment> rowKey="id" size="small" pagination={false} dataSource={ordered} columns={columns} scroll={{ x: 860 }} data-testid="assignments" />;
}
