// A panel's list in pages: "1-10 of 37 providers", the items, and Previous/Next buttons that
// follow the connection's cursors (one request per page turn). The first page comes with
// the view's own request.

import { h } from "./page";

export interface Slice<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface PagerOptions<T> {
  /** The region the list is drawn into, after its heading. */
  panel: HTMLElement;
  /** What the items are: [one, many], e.g. ["provider", "providers"]. */
  noun: [string, string];
  size: number;
  first: Slice<T>;
  /** The page after a cursor (null: the first page). */
  load: (after: string | null) => Promise<Slice<T>>;
  item: (value: T) => HTMLElement;
  /** What to show when a page could not be loaded. */
  failed: (error: unknown) => HTMLElement;
  /** True once the person has left the view: a late page is then dropped. */
  stale: () => boolean;
  /** Words after the count, e.g. "newest first". */
  order?: string;
}

export function pager<T>(o: PagerOptions<T>): void {
  const heading = o.panel.firstChild as Node;
  const cursors: (string | null)[] = [null];
  const draw = (slice: Slice<T>): void => {
    const from = (cursors.length - 1) * o.size;
    const [one, many] = o.noun;
    const count = slice.totalCount
      ? `${from + 1}-${from + slice.items.length} of ${slice.totalCount} ${slice.totalCount === 1 ? one : many}${o.order ? `, ${o.order}` : ""}`
      : `No ${many}.`;
    const children: Node[] = [heading, h("p", { class: "count" }, count), h("ul", {}, ...slice.items.map(o.item))];
    if (slice.totalCount > o.size) {
      const prev = h("button", { type: "button", disabled: cursors.length <= 1 }, "Previous page");
      const next = h("button", { type: "button", disabled: !slice.hasNextPage }, "Next page");
      prev.addEventListener("click", () => {
        cursors.pop();
        void turn(cursors[cursors.length - 1], prev);
      });
      next.addEventListener("click", () => {
        cursors.push(slice.endCursor);
        void turn(slice.endCursor, next);
      });
      children.push(h("div", { class: "paging", role: "group", "aria-label": `Pages of ${many}` }, prev, next));
    }
    o.panel.replaceChildren(...children);
  };
  const turn = async (after: string | null, pressed: HTMLButtonElement): Promise<void> => {
    const label = pressed.textContent;
    try {
      const slice = await o.load(after);
      if (o.stale()) return;
      draw(slice);
      // Keep the keyboard where it was: on the same button of the new page when it still
      // can be pressed, else on the other one.
      const buttons = o.panel.querySelectorAll<HTMLButtonElement>(".paging button");
      const same = [...buttons].find((b) => b.textContent === label && !b.disabled);
      (same ?? [...buttons].find((b) => !b.disabled))?.focus();
    } catch (error) {
      if (!o.stale()) o.panel.append(o.failed(error));
    }
  };
  draw(o.first);
}
