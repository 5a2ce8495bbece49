/**
 * Start-up failures as one line an operator can act on (what is wrong, then what to do), instead
 * of a driver's stack with the cause nested four levels down. main.ts and cli.ts print the line
 * and exit with a non-zero code.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

type Errno = Error & { code?: string; errno?: string; address?: string; port?: number; syscall?: string; cause?: unknown; errors?: unknown[]; routine?: string };

/** Every error inside `err`: drizzle wraps the driver's error in `cause`, Node's connect wraps one per address in an AggregateError. */
function* chain(err: unknown, depth = 0): Generator<Errno> {
  if (!err || typeof err !== 'object' || depth > 6) return;
  yield err as Errno;
  const e = err as Errno;
  if (e.cause) yield* chain(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

/** The server's address and database from a connection URL, without its password. */
export function describeUrl(url: string): { where: string; database: string; user: string; safe: string } {
  try {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
    if (u.password) u.password = '***';
    return { where: `${u.hostname}:${u.port || 5432}`, database, user: decodeURIComponent(u.username) || '(默认用户)', safe: u.toString() };
  } catch {
    return { where: '(地址无法解析)', database: '?', user: '?', safe: '(DATABASE_URL 格式不对)' };
  }
}

export interface StartupContext {
  databaseUrl?: string;
  port?: number;
  host?: string;
}

/** The one line for a start-up failure; unknown errors keep their own message. */
export function startupMessage(err: unknown, ctx: StartupContext = {}): string {
  const all = [...chain(err)];
  const own = all.find((e) => e instanceof StartupError);
  if (own) return own.message;
  const code = (c: string) => all.find((e) => e.code === c);
  const db = ctx.databaseUrl ? describeUrl(ctx.databaseUrl) : null;
  if (db) {
    if (code('ECONNREFUSED')) return `无法连接数据库服务器 ${db.where}（连接被拒绝）：请确认 PostgreSQL 已启动并在该地址监听，或检查 DATABASE_URL`;
    if (code('ENOTFOUND') || code('EAI_AGAIN')) return `找不到数据库服务器 ${db.where}（主机名无法解析）：请检查 DATABASE_URL 中的主机名`;
    if (code('ETIMEDOUT') || code('EHOSTUNREACH') || code('ENETUNREACH')) return `连接数据库服务器 ${db.where} 超时或不可达：请检查网络、防火墙和 DATABASE_URL`;
    if (code('28P01')) return `数据库服务器 ${db.where} 拒绝登录：用户 ${db.user} 的密码错误。请检查 DATABASE_URL 中的用户名和密码`;
    if (code('28000')) return `数据库服务器 ${db.where} 不允许用户 ${db.user} 登录（用户不存在或 pg_hba.conf 未放行）：请检查 DATABASE_URL 和服务器的访问设置`;
    if (code('3D000')) return `数据库 ${db.database} 在服务器 ${db.where} 上不存在：请先创建它（createdb ${db.database}），或检查 DATABASE_URL 中的库名`;
    if (code('57P03')) return `数据库服务器 ${db.where} 正在启动或关闭，暂不接受连接：请稍后重试`;
    if (code('53300')) return `数据库服务器 ${db.where} 的连接数已满：请减少其他连接或调大 max_connections`;
    if (code('42501')) return `数据库用户 ${db.user} 在 ${db.database} 中权限不足，无法升级数据库结构：请用库的所有者连接`;
    if (all.some((e) => /password must be a string|SASL/.test(e.message))) return `数据库服务器 ${db.where} 要求密码，但 DATABASE_URL 没有给出：请在 DATABASE_URL 中写上密码`;
  }
  const listen = code('EADDRINUSE');
  if (listen) return `端口 ${ctx.port ?? listen.port} 已被占用（${ctx.host ?? listen.address} 上已有程序在监听）：请停止该程序，或用 PORT 指定另一个端口`;
  const denied = all.find((e) => e.code === 'EACCES' && e.syscall === 'listen');
  if (denied) return `没有权限监听端口 ${ctx.port ?? denied.port}（1024 以下的端口需要特权）：请用 PORT 指定 1024 以上的端口，或由反向代理转发`;
  if (code('EADDRNOTAVAIL')) return `本机没有地址 ${ctx.host}：请检查 HOST 设置`;
  const first = all[0];
  return `启动失败：${first?.message ?? String(err)}`;
}

/** Whether the line says everything (known cause) or the stack should follow for a developer. */
export function isKnownStartupError(err: unknown, ctx: StartupContext = {}): boolean {
  return !startupMessage(err, ctx).startsWith('启动失败：');
}

/**
 * Fails early when the port is taken, before the database is opened and migrated: binds it and
 * lets go (the real listen follows within seconds; a program that grabs it in between still gets
 * the same one-line message from main).
 */
export async function probePort(port: number, host: string): Promise<void> {
  const { createServer } = await import('node:net');
  await new Promise<void>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen({ port, host, exclusive: true }, () => s.close(() => resolve()));
  });
}
