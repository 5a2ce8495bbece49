import { useState } from 'react';
import { Button, Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Typography } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { queryString } from '@shared/http/paths';
import { summaryPaths, type SummaryReport } from '@shared/summary/report';
import { api } from '../../../app/api';
import { useGet } from '../../../app/query';
import { run } from '../../../app/errors';
import { PageCard } from '../../../app/ui/PageCard';
import { useMe } from '../../../app/auth';
import { opens } from '../../../app/navigation';

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 年度工作报告: the year's figures of every module, each counted from the records and opening the
 * list it counts, with the sentence the report prints. The general office writes its own words
 * around them and saves numbered versions (each keeps the figures of its day); any version, or the
 * figures as counted now, downloads as .docx or PDF.
 */
export default function SummaryPage() {
  const me = useMe();
  const [year, setYear] = useState(dayjs().year());
  // undefined: the figures as counted now; else a saved version's id
  const [version, setVersion] = useState<string>();
  const [intro, setIntro] = useState('');
  const [narratives, setNarratives] = useState<Record<string, string>>({});
  const { data: r, isFetching: loading } = useGet<SummaryReport>(summaryPaths.report, { year, version }, { keepPrevious: true });
  const editing = !version && (r?.actions.includes('save') ?? false);
  const download = (format: 'docx' | 'pdf') =>
    run(() => api.download(`${summaryPaths.document}${queryString({ year, version, format })}`, `${r?.title ?? `年度工作报告${year}`}${r?.version ? `（第${r.version.number}版）` : ''}.${format}`));
  const save = () =>
    run(async () => {
      const saved = await api.post<SummaryReport>(summaryPaths.versions, { year, intro, narratives });
      setVersion(saved.version?.id);
    }, { success: '已保存为新版本' });
  const pickYear = (y: number) => {
    setYear(y);
    setVersion(undefined);
  };

  return (
    <PageCard
      title="年度工作报告"
      extra={
        <>
          <DatePicker aria-label="年度" picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && pickYear(d.year())} />
          <Select
            aria-label="版本"
            style={{ minWidth: 200 }}
            value={version ?? 'now'}
            onChange={(v) => setVersion(v === 'now' ? undefined : v)}
            options={[{ value: 'now', label: '当前数据' }, ...(r?.versions ?? []).map((v) => ({ value: v.id, label: `第${v.number}版 · ${v.createdByName} · ${dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}` }))]}
            data-testid="summary-version"
          />
          <Button icon={<DownloadOutlined />} onClick={() => download('docx')} data-testid="summary-docx">下载 .docx</Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('pdf')}>下载 PDF</Button>
        </>
      }
    >
      {r && (
        <Typography.Paragraph type="secondary">
          {r.title}
          {r.version ? `（第${r.version.number}版，${r.version.createdByName}保存，数据为保存当时的统计）` : '：各项数据由系统根据业务记录统计，点击数字可查看对应清单。'}
        </Typography.Paragraph>
      )}
      {editing ? (
        <Input.TextArea aria-label="开头说明" placeholder="开头说明（可选），如：一年来，在区委的坚强领导下……" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} value={intro} onChange={(e) => setIntro(e.target.value)} style={{ marginBottom: 16 }} />
      ) : (
        r?.intro && <Typography.Paragraph>{r.intro}</Typography.Paragraph>
      )}
      {(r?.sections ?? []).map((s, i) => (
        <Card key={s.key} loading={loading} style={{ marginBottom: 16 }} data-testid={`summary-${s.key}`}>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>{`${ordinals[i] ?? i + 1}、${s.title}`}</Typography.Title>
          <Typography.Paragraph>{s.text}</Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {s.figures.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={4}>
                <Statistic
                  title={!version && f.link && opens(me, f.link) ? <Link to={f.link} aria-label={`查看${f.label}清单`}>{f.label}</Link> : f.label}
                  value={f.value}
                  suffix={f.unit}
                  data-testid={`summary-${s.key}-${f.key}`}
                />
              </Col>
            ))}
          </Row>
          {editing ? (
            <Input.TextArea
              aria-label={`${s.title}说明文字`}
              placeholder="说明文字（可选）：这部分工作的做法、成效和不足"
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={5000}
              value={narratives[s.key] ?? ''}
              onChange={(e) => setNarratives((n) => ({ ...n, [s.key]: e.target.value }))}
              style={{ marginTop: 12 }}
              data-testid={`summary-narrative-${s.key}`}
            />
          ) : (
            r?.narratives[s.key] && <Typography.Paragraph style={{ marginTop: 12 }}>{r.narratives[s.key]}</Typography.Paragraph>
          )}
        </Card>
      ))}
      {editing && (
        <Space>
          <Button type="primary" icon={<SaveOutlined />} onClick={save} data-testid="summary-save">保存为新版本</Button>
          <Typography.Text type="secondary">保存时按当前数据统计，以后的版本互不影响。</Typography.Text>
        </Space>
      )}
    </PageCard>
  );
}
