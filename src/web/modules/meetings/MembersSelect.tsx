import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, query } from '../../app/api';

interface Props {
  id?: string;
  value?: string[];
  onChange?(ids: string[]): void;
  'data-testid'?: string;
}

type Found = { id: string; name: string; code: string };

/** Several members, found by searching the roster on the server; chosen names stay shown while searching. */
export function MembersSelect({ id, value = [], onChange, ...rest }: Props) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const [searching, setSearching] = useState(false);

  const search = async (q: string) => {
    setSearching(true);
    const found = await api.get<{ items: Found[] }>(`/members${query({ q, pageSize: 30 })}`).catch(() => ({ items: [] as Found[] }));
    setKnown((k) => new Map([...k, ...found.items.map((m) => [m.id, `${m.name}（${m.code}）`] as [string, string])]));
    setOptions(found.items.map((m) => ({ value: m.id, label: `${m.name}（${m.code}）` })));
    setSearching(false);
  };
  useEffect(() => {
    void search('');
  }, []);
  const chosen = value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: known.get(v) ?? v }));

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v) => onChange?.(v)}
      options={[...chosen, ...options]}
      placeholder="输入姓名或编号搜索"
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      notFoundContent={searching ? <Spin size="small" /> : '没有找到'}
      data-testid={rest['data-testid']}
    />
  );
}
