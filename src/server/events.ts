// The live feed behind GET /api/events: what each successful add changed, as Server-Sent Events. A short
// ring of past events lets a reconnecting EventSource (Last-Event-ID) catch up on what it missed.

export type ServerEvent =
  | { type: 'article'; data: { id: string; story: string | null; status: 'added' | 'revised' } }
  | { type: 'story'; data: { id: string; change: 'created' | 'updated'; headline: string; articles: number; independentSources: number; contradictions: number } }
  | { type: 'contradiction'; data: { story: string; contradictions: number; before: number } }
  | { type: 'story-removed'; data: { id: string } };

export interface NumberedEvent {
  id: number;
  event: ServerEvent;
}

const RING = 500;

export class EventBus {
  private next = 1;
  private ring: NumberedEvent[] = [];
  private listeners = new Set<(e: NumberedEvent) => void>();

  emit(event: ServerEvent): void {
    const numbered = { id: this.next++, event };
    this.ring.push(numbered);
    if (this.ring.length > RING) this.ring.splice(0, this.ring.length - RING);
    for (const l of this.listeners) l(numbered);
  }

  /** Events after `lastId` still in the ring (a reconnect's catch-up). */
  since(lastId: number): NumberedEvent[] {
    return this.ring.filter((e) => e.id > lastId);
  }

  subscribe(listener: (e: NumberedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get clients(): number {
    return this.listeners.size;
  }
}
