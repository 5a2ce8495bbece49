import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Button, Card, Col, Empty, Row, Select, Statistic, Typography } from 'antd';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { cockpitPaths, cockpitSections, type Cockpit, type CockpitChart, type CockpitSection, type DistrictTotals } from '@shared/cockpit/cockpit';
import type { SummarySection } from '@shared/summary/report';
import type { Me } from '@shared/auth/responses';
import { useGet } from '../../../app/query';
import { useMe } from '../../../app/auth';
import { opens } from '../../../app/navigation';
import { PageCard } from '../../../app/ui/PageCard';
import { echarts } from '../../proposals/stats/charts';
import { describe, districtOption, heightOf, optionOf } from '../charts';

/** Text dark enough for AA on white, a little lighter than the figures. */
const muted: CSSProperties = { color: 'rgba(0,0,0,0.68)' };
/** Read to screen readers, not shown: what a bare number links to. */
const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 };
const chartSections = (Object.keys(cockpitSections) as CockpitSection[]).filter((s) => s !== 'progress' && s !== 'districts');

/**
 * 驾驶舱: the year's charts across every module for leaders. Every total and every bar opens the
 * list of exactly the records it counts (where the reader may open that list); each chart carries
 * its figures in words for screen readers and as links under it. A full-screen mode with large
 * type serves the meeting-room display; on a phone the charts stack.
 */
export default function CockpitPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year')) || undefined;
  const { data: c, isFetching: loading } = useGet<Cockpit>(cockpitPaths.cockpit, { year: asked }, { keepPrevious: true });
  const box = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  // without the Fullscreen API (or refused), the display mode covers the window instead
  const [covering, setCovering] = useState(false);
  const big = fullscreen || covering;
  useEffect(() => {
    const changed = () => setFullscreen(!!box.current && document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = async () => {
    if (covering) return setCovering(false);
    if (document.fullscreenElement) return void (await document.exitFullscreen());
    try {
      await box.current!.requestFullscreen();
    } catch {
      setCovering(true);
    }
  };

  const frame: CSSProperties = big ? { background: '#fff', color: '#000', padding: 24, overflow: 'auto', fontSize: 20, boxSizing: 'border-box', width: '100%', height: '100%', ...(covering ? { position: 'fixed', inset: 0, zIndex: 1000 } : {}) } : {};
  return (
    <div ref={box} style={frame} data-testid="cockpit" data-fullscreen={big ? '1' : '0'}>
      <PageCard
        title={big && c ? <span style={{ fontSize: 28 }}>{`${c.committeeName} ${c.year}年度驾驶舱`}</span> : '驾驶舱'}
        extra={
          <>
            <Select aria-label="年度" data-testid="cockpit-year" style={{ width: 110 }} value={c?.year} loading={loading} onChange={(y: number) => setParams({ year: String(y) })} options={(c?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))} />
            <Button icon={big ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={() => void toggle()} data-testid="cockpit-fullscreen">
              {big ? '退出全屏' : '全屏展示'}
            </Button>
          </>
        }
      >
        {!big && <Typography.Paragraph style={muted}>各项数据由系统根据业务记录统计；点击数字或图中的条目可查看对应清单。</Typography.Paragraph>}
        {chartSections.map((section) => {
          const charts = (c?.charts ?? []).filter((x) => x.section === section);
          if (charts.length === 0) return null;
          return (
            <section key={section} aria-labelledby={`cockpit-${section}`} style={{ marginBottom: 16 }}>
              <Typography.Title level={2} id={`cockpit-${section}`} style={{ fontSize: big ? 26 : 18 }}>
                {cockpitSections[section]}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {charts.map((x) => (
                  <Col key={x.key} xs={24} lg={12} xxl={8}>
                    <ChartCard chart={x} big={big} me={me} />
                  </Col>
                ))}
              </Row>
            </section>
          );
        })}
        {(c?.progress.length ?? 0) > 0 && (
          <section aria-labelledby="cockpit-progress" style={{ marginBottom: 16 }}>
            <Typography.Title level={2} id="cockpit-progress" style={{ fontSize: big ? 26 : 18 }}>
              {cockpitSections.progress}
            </Typography.Title>
            <Row gutter={[12, 12]}>
              {c!.progress.map((s) => (
                <Col key={s.key} xs={24} lg={12}>
                  <ProgressCard section={s} big={big} me={me} />
                </Col>
              ))}
            </Row>
          </section>
        )}
        {(c?.districts.length ?? 0) > 0 && <Districts districts={c!.districts} big={big} />}
        {!loading && c && c.charts.length === 0 && <Empty description="暂无数据" />}
      </PageCard>
    </div>
  );
}

/** One chart: its title and total, the chart (named by its figures in words) and its parts as links. */
function ChartCard({ chart: c, big, me }: { chart: CockpitChart; big: boolean; me: Me }) {
  const navigate = useNavigate();
  const linkOf = (link?: string) => (link && opens(me, link) ? link : undefined);
  const total = linkOf(c.link);
  const onEvents = {
    click: (e: { dataIndex?: number; name?: string }) => {
      const part = c.kind === 'bar' ? c.parts[e.dataIndex ?? -1] : c.parts.find((p) => p.label === e.name);
      const to = linkOf(part?.link);
      if (to) navigate(to);
    },
  };
  const fig = { fontSize: big ? 22 : 15 };
  return (
    <Card
      size="small"
      data-testid={`cockpit-chart-${c.key}`}
      title={<Typography.Title level={3} style={{ fontSize: big ? 22 : 15, margin: 0, whiteSpace: 'normal' }}>{c.title}</Typography.Title>}
      extra={
        <span style={fig} data-testid={`cockpit-total-${c.key}`}>
          共{' '}
          {total ? (
            <Link to={total}>
              {c.total}
              <span style={hidden}>（查看{c.title}清单）</span>
            </Link>
          ) : (
            c.total
          )}{' '}
          {c.unit}
        </span>
      }
    >
      {c.kind === 'rate' && <Statistic title={c.title} value={c.rate === null || c.rate === undefined ? '—' : c.rate} suffix={c.rate === null || c.rate === undefined ? '' : '%'} valueStyle={{ fontSize: big ? 40 : 28 }} data-testid={`cockpit-rate-${c.key}`} />}
      {c.parts.length === 0 || c.total === 0 ? (
        <Empty description="本年度暂无" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div role="img" aria-label={describe(c)}>
          <ReactEChartsCore echarts={echarts} option={optionOf(c, big)} style={{ height: heightOf(c, big), width: '100%' }} notMerge onEvents={onEvents} />
        </div>
      )}
      {c.parts.length > 0 && (
        <ul aria-label={`${c.title}明细`} style={{ listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'flex', flexWrap: 'wrap', gap: '4px 16px', fontSize: big ? 18 : 13 }}>
          {c.parts.map((p) => {
            const to = linkOf(p.link);
            return (
              <li key={p.key} style={{ overflowWrap: 'anywhere' }}>
                {to ? (
                  <Link to={to} data-testid={`cockpit-part-${c.key}-${p.key}`}>
                    {p.label} {p.value}
                    {c.unit}
                  </Link>
                ) : (
                  <span data-testid={`cockpit-part-${c.key}-${p.key}`}>
                    {p.label} {p.value}
                    {c.unit}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {c.note && <div style={{ ...muted, fontSize: big ? 16 : 12, marginTop: 6 }}>{c.note}</div>}
    </Card>
  );
}

/** A module without charts of its own: its section of the yearly work report, figures linking to their lists. */
function ProgressCard({ section: s, big, me }: { section: SummarySection; big: boolean; me: Me }) {
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: big ? 22 : 15, margin: 0 }}>{s.title}</Typography.Title>} data-testid={`cockpit-progress-${s.key}`}>
      <Row gutter={[12, 12]}>
        {s.figures.map((f) => (
          <Col key={f.key} xs={12} md={8}>
            <Statistic
              title={f.link && opens(me, f.link) ? <Link to={f.link} aria-label={`查看${f.label}清单`}>{f.label}</Link> : <span style={muted}>{f.label}</span>}
              value={f.value}
              suffix={f.unit}
              valueStyle={{ fontSize: big ? 32 : 22 }}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** A city's districts side by side, from the totals each counts of its own year. */
function Districts({ districts, big }: { districts: DistrictTotals[]; big: boolean }) {
  const words = districts.map((d) => `${d.name}：${d.figures.map((f) => `${f.label}${f.value}${f.unit}`).join('，')}`).join('；');
  return (
    <section aria-labelledby="cockpit-districts" style={{ marginBottom: 16 }} data-testid="cockpit-districts">
      <Typography.Title level={2} id="cockpit-districts" style={{ fontSize: big ? 26 : 18 }}>
        {cockpitSections.districts}
      </Typography.Title>
      <Card size="small">
        <div role="img" aria-label={words}>
          <ReactEChartsCore echarts={echarts} option={districtOption(districts, big)} style={{ height: big ? 420 : 300, width: '100%' }} notMerge />
        </div>
        <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
          {districts.map((d) => (
            <Col key={d.committeeId} xs={24} md={12} xl={8}>
              <Typography.Title level={3} style={{ fontSize: big ? 20 : 14 }}>{d.name}</Typography.Title>
              <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: '2px 16px' }}>
                {d.figures.map((f) => (
                  <li key={f.key}>
                    {f.label} {f.value}
                    {f.unit}
                  </li>
                ))}
              </ul>
            </Col>
          ))}
        </Row>
      </Card>
    </section>
  );
}
