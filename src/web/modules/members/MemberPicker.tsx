import { useState } from 'react';
import { Select, Spin } from 'antd';
import { pathTo } from '@shared/http/paths';
import { memberPaths } from '@shared/members/paths';
import type { Member } from '@shared/members/responses';
import { useGet } from '../../app/query';
import { useDebounced } from '../../app/similar/useSimilar';

/** What the picker needs of a roster row. */
type Found = Pick<Member, 'id' | 'name' | 'code'>;
type Option = { value: string; label: string };

const label = (m: Found) => `${m.name}（${m.code}）`;

interface Props {
  id?: string;
  /** several members (an array of ids) instead of one */
  multiple?: boolean;
  value?: string | string[] | null;
  onChange?(value: any): void;
  /** names of members already chosen, so they show by name before any search finds them */
  known?: Option[];
  placeholder?: string;
  'data-testid'?: string;
  /** Its name where no form label points at it (a filter in a toolbar). */
  'aria-label'?: string;
}

/**
 * Chooses members by searching the roster on the server (a roster has hundreds of names); works as
 * an antd Form control, for one member or several. Each search is cached under its own words, so
 * the options are always the answer to the words in the box, even when an earlier, slower search
 * answers last. Chosen names stay shown while searching.
 *
 * @example <Form.Item name="memberIds" label="参加委员"><MemberPicker multiple /></Form.Item>
 */
export function MemberPicker({ id, multiple = false, value, onChange, known = [], placeholder = '输入姓名或编号搜索', ...rest }: Props) {
  const [words, setWords] = useState('');
  const q = useDebounced(words, 250);
  const { data, isFetching } = useGet<{ items: Found[] }>(memberPaths.list, { q, pageSize: 20 }, { quiet: true, keepPrevious: true });
  const chosen = (value == null ? [] : Array.isArray(value) ? value : [value]).filter(Boolean);
  // a single linked member that no search has shown yet: fetch it for its name
  const single = !multiple && chosen[0] && !known.some((k) => k.value === chosen[0]) ? chosen[0] : null;
  const { data: linked } = useGet<Found>(pathTo(memberPaths.detail, { id: single ?? '-' }), undefined, { enabled: !!single, quiet: true });
  const found = (data?.items ?? []).map((m) => ({ value: m.id, label: label(m) }));
  const names = new Map([...known, ...(linked ? [{ value: linked.id, label: label(linked) }] : []), ...found].map((o) => [o.value, o.label]));
  const kept = chosen.filter((v) => !found.some((o) => o.value === v)).map((v) => ({ value: v, label: names.get(v) ?? v }));

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? chosen : (chosen[0] ?? undefined)}
      onChange={(v) => onChange?.(multiple ? (v ?? []) : (v ?? null))}
      options={[...kept, ...found]}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setWords }}
      notFoundContent={isFetching ? <Spin size="small" /> : '没有找到'}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
    />
  );
}
