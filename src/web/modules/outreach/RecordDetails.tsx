import { Descriptions, type TableProps } from 'antd';
import type { OwnedKind } from '@shared/outreach/labels';
import type { AnyRecord, Deed, Partner, Service } from '@shared/outreach/responses';

/** A label and the text recorded under it; empty texts are left out. */
export type Detail = { label: string; value: string | null | undefined };

/**
 * The longer texts of a record that its table row leaves out, labelled as in its form: a paired
 * contact's note, a deed's problem, measures and result, a public-service activity's note. A 民情日记
 * entry has none: its row names the people met, each with their sector.
 */
export const ownedDetails: { [K in OwnedKind]?: (r: AnyRecord) => Detail[] } = {
  partners: (r) => [{ label: '备注', value: (r as Partner).note }],
  deeds: (r) => {
    const d = r as Deed;
    return [{ label: '群众困难或问题', value: d.problem }, { label: '办理措施', value: d.action }, { label: '办理结果', value: d.result }];
  },
  services: (r) => [{ label: '备注', value: (r as Service).note }],
};

const filled = (details: Detail[]) => details.filter((d) => d.value?.trim());

/** The details under a row, one per line. */
export function RecordDetails({ details }: { details: Detail[] }) {
  return (
    <Descriptions size="small" column={1} data-testid="outreach-details">
      {filled(details).map((d) => (
        <Descriptions.Item key={d.label} label={d.label}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{d.value}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * A table's `expandable`: a row opens onto its details, and only a row that has any. Example:
 * `<Table expandable={expandableBy(councilDetails)} />`.
 */
export function expandableBy<T>(details: ((r: T) => Detail[]) | undefined): TableProps<T>['expandable'] {
  if (!details) return undefined;
  return {
    rowExpandable: (r) => filled(details(r)).length > 0,
    expandedRowRender: (r) => <RecordDetails details={details(r)} />,
  };
}
