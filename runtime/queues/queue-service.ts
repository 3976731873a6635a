// The queue effect: a skill group's FIFO in PostgreSQL, hold music, announcements, and a bridge to the longest-idle agent.

import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { EnqueueRequest, EnqueueResult, TransferResult } from '../../flow-engine/driver';
import type { Database } from '../../schemas/database';
import { agents, agentSkills, queueEntries, skillGroups, type QueueEntryStatus } from '../../schemas/db';
import type { FreeSwitchSession } from '../driver/freeswitch-driver';
import * as fs from '../esl/commands';

export interface QueueOptions {
  db: Database;
  /** How often a waiting caller tries to claim an agent (default 1 s). */
  pollMs?: number;
  /** Seconds an agent's phone rings before the call goes back to the head of the queue (default 20). */
  agentRingSeconds?: number;
  /** The hold music (default FreeSWITCH's local_stream://moh). */
  holdMusic?: string;
  /** Speaks a sentence in the call's language (the driver's TTS). */
  say(session: FreeSwitchSession, language: string, text: string): Promise<void>;
  /** Bridges to an agent's contact; resolves after the conversation (or the failed ringing). */
  bridgeAgent(session: FreeSwitchSession, contact: string, ringSeconds: number): Promise<TransferResult>;
  /** One key, or null on timeout, with a prompt (the callback offer). */
  askKey(session: FreeSwitchSession, language: string, text: string, timeoutSeconds: number): Promise<string | null>;
  playPrompts(session: FreeSwitchSession, prompts: EnqueueRequest['prompts']): Promise<void>;
  log(message: string): void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Announcements in the languages the templates use; other languages get English. */
function positionText(language: string, position: number, waitMinutes: number | null): string {
  if (language.startsWith('zh'))
    return `您前面还有${position - 1}位客户${waitMinutes === null ? '' : `，预计等待${waitMinutes}分钟`}。`;
  return `You are number ${position} in the queue.${waitMinutes === null ? '' : ` The estimated wait is ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'}.`}`;
}

function offerText(language: string, key: string): string {
  return language.startsWith('zh') ? `如需稍后回电，请按${key}。` : `To be called back instead, press ${key}.`;
}

export class QueueService {
  private readonly pollMs: number;
  private readonly missingHoldMusic = new Set<string>();
  private readonly ringSeconds: number;

  constructor(private readonly options: QueueOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.ringSeconds = options.agentRingSeconds ?? 20;
  }

  /** Logged-in (not offline) enabled agents of the group. */
  private async agentsLoggedIn(groupId: string): Promise<number> {
    const [row] = await this.options.db
      .select({ count: sql<number>`count(*)::int` })
      .from(agents)
      .innerJoin(agentSkills, eq(agentSkills.agentId, agents.id))
      .where(and(eq(agentSkills.skillGroupId, groupId), eq(agents.enabled, true), ne(agents.status, 'offline')));
    return row?.count ?? 0;
  }

  /** 1-based place of the entry in its group's FIFO. */
  private async position(groupId: string, entryId: string): Promise<number> {
    const rows = await this.options.db
      .select({ id: queueEntries.id })
      .from(queueEntries)
      .where(and(eq(queueEntries.skillGroupId, groupId), eq(queueEntries.status, 'waiting')))
      .orderBy(desc(queueEntries.priority), asc(queueEntries.enqueuedAt), asc(queueEntries.id));
    const index = rows.findIndex((row) => row.id === entryId);
    return index === -1 ? rows.length + 1 : index + 1;
  }

  /** Average wait of the group's calls answered in the last hour (null when there were none). */
  private async averageWaitSeconds(groupId: string): Promise<number | null> {
    const [row] = await this.options.db
      .select({
        avg: sql<number | null>`avg(extract(epoch from (${queueEntries.endedAt} - ${queueEntries.enqueuedAt})))::float`,
      })
      .from(queueEntries)
      .where(
        and(
          eq(queueEntries.skillGroupId, groupId),
          eq(queueEntries.status, 'answered'),
          gt(queueEntries.enqueuedAt, sql`now() - interval '1 hour'`),
        ),
      );
    return row?.avg ?? null;
  }

  /**
   * The head of the FIFO claims the longest-idle available agent. The group's row lock serialises claims across
   * runtimes (FIFO order holds); agents are taken with SKIP LOCKED so a claim never waits on another group's.
   */
  private async claim(groupId: string, entryId: string): Promise<{ id: string; contact: string } | null> {
    return this.options.db.transaction(async (tx) => {
      await tx.select({ id: skillGroups.id }).from(skillGroups).where(eq(skillGroups.id, groupId)).for('update');
      const [head] = await tx
        .select({ id: queueEntries.id })
        .from(queueEntries)
        .where(and(eq(queueEntries.skillGroupId, groupId), eq(queueEntries.status, 'waiting')))
        .orderBy(desc(queueEntries.priority), asc(queueEntries.enqueuedAt), asc(queueEntries.id))
        .limit(1);
      if (head?.id !== entryId) return null;
      const [agent] = await tx
        .select({ id: agents.id, contact: agents.contact })
        .from(agents)
        .innerJoin(agentSkills, eq(agentSkills.agentId, agents.id))
        .where(and(eq(agentSkills.skillGroupId, groupId), eq(agents.enabled, true), eq(agents.status, 'available')))
        .orderBy(asc(agents.statusChangedAt))
        .limit(1)
        .for('update', { of: agents, skipLocked: true });
      if (!agent) return null;
      await tx.update(agents).set({ status: 'busy', statusChangedAt: new Date() }).where(eq(agents.id, agent.id));
      await tx.update(queueEntries).set({ status: 'offered', agentId: agent.id }).where(eq(queueEntries.id, entryId));
      return agent;
    });
  }

  private async finish(entryId: string, status: QueueEntryStatus): Promise<void> {
    await this.options.db.update(queueEntries).set({ status, endedAt: new Date() }).where(eq(queueEntries.id, entryId));
  }

  /** Runs the whole wait; resolves with how it ended. A caller hangup rejects (the driver maps it) and marks the entry abandoned. */
  async enqueue(
    request: EnqueueRequest,
    session: FreeSwitchSession,
    signal: AbortSignal,
    language: string,
  ): Promise<EnqueueResult> {
    const { db } = this.options;
    const [group] = await db
      .select({ id: skillGroups.id })
      .from(skillGroups)
      .where(eq(skillGroups.key, request.skillGroup.key));
    if (!group || (await this.agentsLoggedIn(group.id)) === 0) return { outcome: 'noAgents', waitSeconds: 0 };
    const [entry] = await db
      .insert(queueEntries)
      .values({
        skillGroupId: group.id,
        channelUuid: session.call.uuid,
        caller: session.call.channel['Caller-Caller-ID-Number'] ?? '',
        priority: request.priority,
      })
      .returning({ id: queueEntries.id, enqueuedAt: queueEntries.enqueuedAt });
    if (!entry) throw new Error(`queue ${request.skillGroup.key}: the queue entry was not inserted`);
    const startedAt = Date.now();
    const waited = () => Math.round((Date.now() - startedAt) / 1000);
    let status: QueueEntryStatus = 'abandoned';
    let hold: { stop(): Promise<void> } | undefined;
    const stopHold = async () => {
      if (!hold) return;
      const playing = hold;
      hold = undefined;
      await playing.stop();
    };
    try {
      await this.options.playPrompts(session, request.prompts);
      let nextAnnouncement = request.announcePosition || request.announceWaitTime ? 0 : Infinity;
      let offered = false;
      for (;;) {
        if (signal.aborted) throw new Error('the queue wait was cancelled');
        if (session.call.goneReason) throw session.call.goneReason;
        const agent = await this.claim(group.id, entry.id);
        if (agent) {
          await stopHold();
          const waitSeconds = waited();
          let result: TransferResult;
          try {
            result = await this.options.bridgeAgent(session, agent.contact, this.ringSeconds);
          } finally {
            // The agent is idle again from now: the longest-idle order puts them last.
            await db
              .update(agents)
              .set({ status: 'available', statusChangedAt: new Date() })
              .where(eq(agents.id, agent.id));
          }
          if (result.outcome === 'answered') {
            status = 'answered';
            return { outcome: 'answered', waitSeconds, bridge: result.bridge };
          }
          this.options.log(
            `queue ${request.skillGroup.key}: agent ${agent.contact} did not answer; the caller stays at the head`,
          );
          await db.update(queueEntries).set({ status: 'waiting', agentId: null }).where(eq(queueEntries.id, entry.id));
          continue;
        }
        if (waited() >= request.maxWaitSeconds) {
          status = 'overflow';
          return { outcome: 'overflow', waitSeconds: waited() };
        }
        if (request.callbackOffer && !offered && waited() >= request.callbackOffer.afterSeconds) {
          offered = true;
          await stopHold();
          const key = await this.options.askKey(session, language, offerText(language, request.callbackOffer.key), 5);
          if (key === request.callbackOffer.key) {
            status = 'callback';
            return { outcome: 'callback', waitSeconds: waited() };
          }
        }
        if (waited() >= nextAnnouncement) {
          await stopHold();
          const position = await this.position(group.id, entry.id);
          const average = request.announceWaitTime ? await this.averageWaitSeconds(group.id) : null;
          const minutes =
            average === null
              ? request.announceWaitTime
                ? position
                : null
              : Math.max(1, Math.round((average * position) / 60));
          await this.options.say(
            session,
            language,
            positionText(language, request.announcePosition ? position : 1, minutes),
          );
          nextAnnouncement = waited() + Math.max(5, request.announceEverySeconds);
        }
        if (!hold) {
          const music = fs.playback(request.holdMusic ?? this.options.holdMusic ?? fs.defaultHoldMusic);
          const playing = session.call.startMedia(music.app, music.arg, 24 * 3600 * 1000);
          hold = playing;
          // A source that ends by itself (the default chime, a file) starts again at the next poll; one FreeSWITCH
          // cannot open (an unconfigured local_stream answers FILE NOT FOUND at once) is logged once per source.
          playing.done.then(
            (done) => {
              if (hold === playing) hold = undefined;
              if (done.headers['Application-Response'] === 'FILE NOT FOUND' && !this.missingHoldMusic.has(music.arg)) {
                this.missingHoldMusic.add(music.arg);
                this.options.log(
                  `queue ${request.skillGroup.key}: FreeSWITCH cannot play the hold music ${music.arg} (FILE NOT FOUND); set CALLFLOW_HOLD_MUSIC`,
                );
              }
            },
            () => undefined,
          );
        }
        await sleep(this.pollMs, signal);
      }
    } finally {
      await stopHold().catch(() => undefined);
      await this.finish(entry.id, status).catch((error: Error) =>
        this.options.log(`queue entry ${entry.id} not closed: ${error.message}`),
      );
    }
  }
}
