import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { HomeCard } from '@shared/home/cards';

/** A link when the person has the page, plain text otherwise (every link shown must open). */
function Maybe({ to, children, testId, label }: { to?: string; children: React.ReactNode; testId: string; label: string }) {
  return to ? (
    <Link to={to} data-testid={testId} aria-label={label}>
      {children}
    </Link>
  ) : (
    <span data-testid={testId}>{children}</span>
  );
}

/**
 * One home-page figure: its count linking to the list it counts, then what it is made of, each part
 * linking to its own list (the parts add up to the figure — the server builds them so).
 */
export function FigureCard({ card, reachable }: { card: HomeCard; reachable: (link?: string) => string | undefined }) {
  const color = card.alert ? '#cf1322' : undefined;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`card-${card.key}`}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text type="secondary">{card.label}</Typography.Text>
        <Maybe to={reachable(card.link)} testId={`figure-${card.key}`} label={`${card.label}：${card.value}`}>
          <span style={{ fontSize: 26, fontWeight: 600, color }}>{card.value}</span>
        </Maybe>
      </Flex>
      {card.note && (
        <Typography.Text type={card.alert ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          {card.note}
        </Typography.Text>
      )}
      {card.parts && card.parts.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
          {card.parts.map((p) => (
            <li key={p.key} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '2px 0', overflowWrap: 'anywhere' }}>
              <Maybe to={reachable(p.link)} testId={`part-${card.key}-${p.key}`} label={`${card.label}·${p.label}：${p.value}`}>
                {p.label}
              </Maybe>
              <span data-testid={`part-value-${card.key}-${p.key}`}>{p.value}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
