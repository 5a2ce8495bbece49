import { Spin } from 'antd';

/** What a page shows while its chunk or its first answer is on the way. */
export const loading = (
  <div style={{ textAlign: 'center', paddingTop: 120 }}>
    <Spin size="large" />
  </div>
);
