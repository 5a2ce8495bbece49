import { Tag } from 'antd';

/** 启用 (green) / 停用 (grey). */
export const StatusTag = ({ active, on = '启用', off = '停用' }: { active: boolean; on?: string; off?: string }) => (
  <Tag color={active ? 'green' : 'default'}>{active ? on : off}</Tag>
);
