import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { api, query } from '../../app/api';

interface Found {
  id: string;
  name: string;
  code?: string;
}

/** 联名委员: search the roster by name or number and pick several; `known` labels the ones already chosen. */
export function CosignerPicker({ id, value, onChange, known = [] }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; known?: { value: string; label: string }[] }) {
  const [options, setOptions] = useState(known);
  const [searching, setSearching] = useState(false);
  const search = async (q: string) => {
    setSearching(true);
    const found = await api.get<{ items: Found[] }>(`/members${query({ q, pageSize: 20 })}`).catch(() => ({ items: [] as Found[] }));
    const chosen = options.filter((o) => value?.includes(o.value));
    setOptions([...chosen, ...found.items.filter((m) => !value?.includes(m.id)).map((m) => ({ value: m.id, label: m.code ? `${m.name}（${m.code}）` : m.name }))]);
    setSearching(false);
  };
  useEffect(() => {
    void search('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      placeholder="输入姓名搜索委员"
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      notFoundContent={searching ? <Spin size="small" /> : '没有找到'}
    />
  );
}
