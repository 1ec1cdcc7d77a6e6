import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { answerRateRequest, isRateRequest, RateCounters } from '../http/shared-rate-limit';

/** What a worker tells the primary once its server listens. */
export interface WorkerListening {
  type: 'taizhang:listening';
  address: string;
}

export function isWorkerListening(message: unknown): message is WorkerListening {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'taizhang:listening' &&
    typeof (message as { address?: unknown }).address === 'string'
  );
}

export interface SuperviseWorkersOptions {
  count: number;
  /** Called once, when every worker listens (they share one port). */
  onListening(address: string): void;
  /** Called when the workers cannot be kept running; the supervisor has stopped them. */
  onFailure(message: string): void;
  log(message: string): void;
}

export interface WorkerSupervisor {
  /** Asks every worker to finish its requests and exit; resolves when all have. */
  stop(): Promise<void>;
}

/** Restarts allowed per worker within a minute before the supervisor gives up. */
const RESTARTS_PER_WORKER_PER_MINUTE = 5;
/** How long a worker may take to close before it is killed. */
const STOP_GRACE_MS = 10_000;

/**
 * Runs `count` copies of this program as cluster workers sharing one listening port, restarts
 * one that dies, and gives up (stopping the rest) when a worker dies before it ever listened or
 * they keep dying. Workers are stateless: sessions, lockouts and data live in the database, and
 * the rate limits' counters here, in the primary.
 */
export function superviseWorkers(options: SuperviseWorkersOptions): WorkerSupervisor {
  const { count } = options;
  let stopping = false;
  let listening = 0;
  let announced = false;
  const exits: number[] = [];
  // The workers' rate limits, counted here for all of them (see shared-rate-limit.ts).
  const rateCounters = new RateCounters();

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      if (isRateRequest(message)) {
        const reply = answerRateRequest(rateCounters, message, Date.now());
        // A worker that is exiting no longer needs its answer.
        if (worker.isConnected()) worker.send(reply, (error: Error | null) => void error);
        return;
      }
      if (!isWorkerListening(message) || announced) return;
      listening += 1;
      if (listening === count) {
        announced = true;
        options.onListening(message.address);
      }
    });
    return worker;
  };

  const giveUp = async (message: string) => {
    await stop();
    options.onFailure(message);
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const how = signal ?? `退出码 ${code}`;
    if (!announced) {
      void giveUp(`工作进程 ${worker.process.pid ?? ''} 启动失败（${how}）`);
      return;
    }
    const now = Date.now();
    exits.push(now);
    while ((exits[0] ?? now) < now - 60_000) exits.shift();
    if (exits.length > count * RESTARTS_PER_WORKER_PER_MINUTE) {
      void giveUp('工作进程在一分钟内反复退出，服务已停止');
      return;
    }
    options.log(`工作进程 ${worker.process.pid ?? ''} 已退出（${how}），正在重新启动`);
    fork();
  });

  async function stop(): Promise<void> {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter(
      (w): w is Worker => w !== undefined && !w.isDead(),
    );
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  }

  for (let i = 0; i < count; i += 1) fork();
  return { stop };
}
