import { Button, type ButtonProps } from 'antd';

/**
 * An action that looks like a link (编辑, 撤回, 下载 in a row or a card). A real button, unlike an
 * `<a>` without `href`: it takes keyboard focus and Enter, and screen readers announce it as a
 * control (WCAG 2.1.1). Its text is kept as written (no space inserted between two characters),
 * so it reads and is found as 编辑, not 编 辑.
 */
export function LinkButton({ style, ...props }: ButtonProps) {
  return <Button type="link" size="small" autoInsertSpace={false} style={{ padding: 0, height: 'auto', ...style }} {...props} />;
}
