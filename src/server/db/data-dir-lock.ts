import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StartupError } from '../startup-errors.js';

/**
 * Who holds an embedded database folder. PGlite has no postmaster.pid of its own: two processes
 * opening the same folder both start and silently corrupt it, so every opener (server and CLI)
 * takes this lock first and a second opener is refused with the holder's name.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** the process's start time as the kernel counts it (/proc/<pid>/stat field 22): tells a reused pid from the holder */
  started: string | null;
  /** what it is: 'server' or 'cli <command>' */
  role: string;
  since: string;
  /** a running server's port and the secret the CLI presents to take a backup through it */
  port?: number;
  opsToken?: string;
}

export interface DataDirLock {
  file: string;
  holder: LockHolder;
  /** records the server's port (and a fresh ops token) once it listens */
  update(patch: Partial<Pick<LockHolder, 'port' | 'opsToken'>>): void;
  release(): void;
}

/** The kernel's start time of a process, or null where /proc is not there (or the process is gone). */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count from the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
};

/** Whether the recorded holder is still running (on this host; another host's lock is always taken as live). */
function alive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(h.pid);
  return !(h.started && started && started !== h.started);
}

/** The live holder of `<dir>.lock`, or null when the folder is free (or its lock is stale). */
export function liveHolder(dir: string): LockHolder | null {
  try {
    const { holder } = readHolder(`${dir}.lock`);
    return holder && alive(holder) ? holder : null;
  } catch {
    return null;
  }
}

/** One line naming the holder, for the refusal. */
export function describeHolder(h: LockHolder): string {
  const what = h.role === 'server' ? `商量服务器${h.port ? `，端口 ${h.port}` : ''}` : `命令行 ${h.role.replace(/^cli /, '')}`;
  const cmd = h.host === hostname() ? commandLine(h.pid) : '';
  return `进程 ${h.pid}${h.host === hostname() ? '' : `（主机 ${h.host}）`}，${what}，自 ${h.since} 起${cmd ? `；命令：${cmd.slice(0, 120)}` : ''}`;
}

export class DataDirLockedError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`数据目录 ${dataDir} 正被另一个进程使用（${describeHolder(holder)}）：同一数据目录只能由一个进程打开。请先停止该进程，或为本进程设置另一个 DATA_DIR`);
  }
}

const readHolder = (file: string): { text: string; holder: LockHolder | null } => {
  const text = readFileSync(file, 'utf8');
  try {
    return { text, holder: JSON.parse(text) as LockHolder };
  } catch {
    return { text, holder: null }; // torn write by a process killed mid-way: stale
  }
};

/**
 * Takes the lock file `<dir>.lock` beside the database folder (created exclusively, mode 0600),
 * or throws DataDirLockedError naming the live holder. A lock left by a killed process (its pid
 * gone, or reused by another program) is taken over: renamed aside atomically, so of two
 * processes starting at once after a crash only one wins.
 */
export function lockDataDir(dir: string, role: string): DataDirLock {
  const file = `${dir}.lock`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw dataDirError(dir, err);
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), started: processStart(process.pid), role, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      return handle(file, holder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw dataDirError(dir, err);
    }
    let seen: ReturnType<typeof readHolder>;
    try {
      seen = readHolder(file);
    } catch {
      continue; // released meanwhile: try again
    }
    if (seen.holder && alive(seen.holder)) throw new DataDirLockedError(dir, seen.holder);
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // another process moved it first
    }
    if (readFileSync(aside, 'utf8') !== seen.text) {
      // we moved a fresh lock another process took in between: put it back (unless a third was faster)
      try {
        linkSync(aside, file);
      } catch {
        /* the file exists again: the next round reads its holder */
      }
    }
    unlinkSync(aside);
  }
  throw new StartupError(`无法取得数据目录 ${dir} 的锁（${file}）：请确认没有其他进程正在启动，然后重试`);
}

function handle(file: string, holder: LockHolder): DataDirLock {
  let current = holder;
  const ours = () => {
    try {
      return readFileSync(file, 'utf8') === JSON.stringify(current);
    } catch {
      return false;
    }
  };
  const release = () => {
    if (ours()) unlinkSync(file);
    process.off('exit', release);
  };
  process.on('exit', release);
  return {
    file,
    get holder() {
      return current;
    },
    update(patch) {
      const next = { ...current, ...patch };
      const tmp = `${file}.${process.pid}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(next));
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file); // atomic: a reader sees the old or the new holder, never half of one
      current = next;
    },
    release,
  };
}

/** A data folder that cannot be created or written, as one line saying what to do. */
export function dataDirError(dir: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EROFS') return new StartupError(`数据目录 ${dir} 所在的文件系统是只读的：请把 DATA_DIR 指向可写的文件夹`);
  if (code === 'EACCES' || code === 'EPERM') return new StartupError(`数据目录 ${dir} 不可写（没有写权限）：请给运行服务的用户写权限，或把 DATA_DIR 指向可写的文件夹`);
  if (code === 'ENOTDIR' || code === 'EEXIST') return new StartupError(`数据目录 ${dir} 的路径上有同名文件而不是文件夹：请把 DATA_DIR 指向一个文件夹`);
  if (code === 'ENOENT') return new StartupError(`无法创建数据目录 ${dir}（上级路径不存在或不可用）：请把 DATA_DIR 指向可写的文件夹`);
  if (code === 'ENOSPC') return new StartupError(`数据目录 ${dir} 所在磁盘已满：请清理磁盘空间`);
  return err instanceof Error ? err : new Error(String(err));
}
