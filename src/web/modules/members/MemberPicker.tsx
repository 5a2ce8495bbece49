import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, query } from '../../app/api';
import type { Member } from './types';

interface Props {
  id?: string;
  value?: string | null;
  onChange?(id: string | null): void;
}

const label = (m: Member) => `${m.name}（${m.code}）`;

/**
 * Chooses one member by searching the roster on the server (a roster has hundreds of names).
 * Works as an antd Form control.
 */
export function MemberPicker({ id, value, onChange }: Props) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [searching, setSearching] = useState(false);

  // show the linked member's name, not its id
  useEffect(() => {
    if (value && !options.some((o) => o.value === value)) {
      api.get<Member>(`/members/${value}`).then((m) => setOptions((o) => [{ value: m.id, label: label(m) }, ...o])).catch(() => undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const search = async (q: string) => {
    setSearching(true);
    const found = await api.get<{ items: Member[] }>(`/members${query({ q, pageSize: 20 })}`).catch(() => ({ items: [] as Member[] }));
    setOptions(found.items.map((m) => ({ value: m.id, label: label(m) })));
    setSearching(false);
  };

  useEffect(() => {
    void search('');
  }, []);

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      placeholder="输入姓名或编号搜索"
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      notFoundContent={searching ? <Spin size="small" /> : '没有找到'}
    />
  );
}
