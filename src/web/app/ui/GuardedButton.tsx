import { useId } from 'react';
import { Button, Tooltip, Typography, type ButtonProps } from 'antd';

/**
 * A button that is disabled only with a reason, and always says it: beside the button (a phone has
 * no hover), in a tooltip, and to screen readers (aria-describedby). With no reason it is an
 * ordinary button, e.g. `<GuardedButton why={signer ? null : '请先填写签发人'}>签发</GuardedButton>`.
 */
export function GuardedButton({ why, children, ...props }: ButtonProps & { why?: string | null | false }) {
  const id = useId();
  if (!why) return <Button {...props}>{children}</Button>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <Tooltip title={why}>
        <span>
          <Button {...props} disabled aria-describedby={id}>
            {children}
          </Button>
        </span>
      </Tooltip>
      <Typography.Text type="secondary" id={id} data-testid="why-disabled" style={{ fontSize: 12 }}>
        {why}
      </Typography.Text>
    </span>
  );
}
