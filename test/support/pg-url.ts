/** The PostgreSQL server of the machine (user postgres, trust auth), or TEST_PG_URL. */
const base = () => process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const pgAdminUrl = () => `${base()}/postgres`;
export const serverUrl = (database: string) => `${base()}/${database}`;
